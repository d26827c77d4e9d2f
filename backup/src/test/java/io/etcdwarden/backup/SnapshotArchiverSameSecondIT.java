package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several snapshots of a real etcd into one volume in the same second (a fixed clock makes
 * every run pick the same archive name): exactly one reports the archive published, and that
 * archive stays on disk with the sha256 it reported; the others fail in one line and neither
 * remove nor replace it.
 */
class SnapshotArchiverSameSecondIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  private static final int RUNS = 4;
  @TempDir Path storeDir;
  private final Clock sameSecond =
      Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);

  @Test
  void onlyOneRunPublishesAndNoRunTouchesWhatAnotherPublished() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RUNS);
    List<Future<ArchivedSnapshot>> runs = new ArrayList<>();
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 4 << 20);
      for (int i = 0; i < RUNS; i++) {
        runs.add(pool.submit(() -> {
          try (SnapshotStore store = store()) {
            return new SnapshotArchiver(clients, etcd.target(), sameSecond, "test")
                .archive(store, Optional.empty(), Compression.GZIP, SnapshotProgress.NONE);
          }
        }));
      }
      pool.shutdown();
      List<ArchivedSnapshot> published = new ArrayList<>();
      for (Future<ArchivedSnapshot> run : runs) {
        try {
          published.add(run.get(120, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(WardenException.class)
              .hasMessageContaining("already in").hasMessageNotContaining("\n");
        }
      }

      assertThat(published).hasSize(1);
      Path archive = Path.of(published.get(0).published().location());
      assertThat(archive).isRegularFile();
      assertThat(sha256(archive)).isEqualTo(published.get(0).published().sha256());
      try (SnapshotStore store = store()) {
        assertThat(SnapshotVerifier.verify(store, archive.getFileName().toString()).problems())
            .isEmpty();
      }
      try (var files = Files.list(storeDir)) {
        assertThat(files).as("the archive and its .sha256, no temp file").hasSize(2);
      }
    }
  }

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + storeDir + "?allow-non-mount=true"));
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
