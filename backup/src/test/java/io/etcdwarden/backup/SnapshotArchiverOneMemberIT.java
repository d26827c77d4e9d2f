package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import io.etcdwarden.testkit.storage.EtcdctlSnapshot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Archives from a real 1-member TLS cluster, judged by etcdctl 3.4. */
class SnapshotArchiverOneMemberIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path storeDir;
  @TempDir Path work;
  private final Clock clock = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + storeDir + "?allow-non-mount=true"));
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  @Tag("etcd-versions")
  void anArchiveRestoresWithEtcdctlWithoutSkippingTheHashCheck(Compression compression)
      throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 1 << 20);
      ArchivedSnapshot archived = new SnapshotArchiver(clients, etcd.target(), clock,
          "test").archive(store(), Optional.empty(), compression, SnapshotProgress.NONE);

      String name = "etcd-snapshot-2026-05-06-07.08.09" + compression.suffix();
      assertThat(archived.published().name()).isEqualTo(name);
      Path db = work.resolve("db");
      SnapshotManifest manifest = ArchiveChecks.extractDb(store(), name, db);
      assertThat(manifest).isEqualTo(archived.manifest());
      assertThat(manifest.memberName()).isEqualTo("etcd0");
      assertThat(manifest.revision()).isGreaterThan(1);
      assertThat(manifest.dbSize()).isEqualTo(Files.size(db)).isGreaterThan(1 << 20);
      assertThat(manifest.dbSha256()).isEqualTo(HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db))));
      assertThat(EtcdctlSnapshot.status(db)).contains("\"revision\":" + manifest.revision());
      ByteSequence all = ByteSequence.from(new byte[] {0});
      long keysAtRevision = clients.cluster().getKVClient().get(all, GetOption.builder()
          .withRange(all).withCountOnly(true).withRevision(manifest.revision()).build())
          .get().getCount();
      assertThat(manifest.keyCount()).isEqualTo(keysAtRevision).isPositive();
      EtcdctlSnapshot.restore(db, work.resolve("restored"));
      assertThat(work.resolve("restored/member/snap/db")).isRegularFile();
      assertThat(store().list()).singleElement().matches(s -> s.name().equals(name));
    }
  }

  @Test
  void killingTheMemberMidStreamFailsCleanlyAndLeavesNothing() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 32 << 20);
      SnapshotProgress killer = (received, expected) -> {
        if (etcd.member(0).isRunning()) {
          etcd.member(0).kill();
        }
      };
      SnapshotArchiver archiver =
          new SnapshotArchiver(clients, etcd.target(), clock, "test");

      assertThatThrownBy(() -> archiver.archive(store(), Optional.empty(), Compression.GZIP,
          killer)).isInstanceOf(WardenException.class).hasMessageContaining("etcd0")
          .hasMessageContaining("broke off after");

      assertThat(store().list()).isEmpty();
      try (Stream<Path> left = Files.list(storeDir)) {
        assertThat(left).isEmpty();
      }
    }
  }
}
