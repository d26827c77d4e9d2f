package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.ByteSequence;
import io.etcdwarden.backup.Compression;
import io.etcdwarden.backup.SnapshotArchiver;
import io.etcdwarden.backup.SnapshotProgress;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One restore per member at a time, and cleanup that removes only what its own run made: a
 * second restore while one holds its plan is refused in one line and stages nothing; a
 * directory that appears where the restore would write is neither used nor removed; once the
 * first restore ends, the next one runs.
 */
@Tag("etcd-versions")
class RestoreConcurrencyIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;

  @Test
  void aSecondRestoreWaitsItsTurnAndNoRunRemovesWhatItDidNotMake() throws Exception {
    String archive;
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      clients.cluster().getKVClient().put(bytes("/canary"), bytes("before")).get();
      archive = new SnapshotArchiver(clients, etcd.target(), Clock.systemUTC(), store, "test")
          .archive(SnapshotStores.open(URI.create("file://" + store + "?allow-non-mount=true")),
              Optional.empty(), Compression.ZSTD, SnapshotProgress.NONE).published().name();
    }
    RestoreRequest request = new RestoreRequest(store.resolve(archive).toString(),
        Optional.empty(), Optional.empty(), Optional.of(etcd.member(0).dir()), Optional.empty(),
        Optional.empty(), true, false, false, Duration.ofSeconds(30), System.getenv(), false,
        Optional.empty());
    RestorePreflight preflight = new RestorePreflight(Clock.systemUTC(), FreeSpace.ofFileSystem());
    long clusterId = clusterId();

    RestorePlan first = preflight.prepare(request);
    List<String> whileFirstHolds = memberFolder();
    assertThatThrownBy(() -> preflight.prepare(request))
        .hasMessage("member etcd0: another restore of it is running (it holds "
            + etcd.member(0).dir().resolve("restore.lock") + "); wait until it ends; nothing"
            + " was changed");
    assertThat(memberFolder()).isEqualTo(whileFirstHolds);

    Path theirs = Files.createDirectories(first.restoredDir());
    Files.writeString(theirs.resolve("theirs"), "not the restore's");
    assertThatThrownBy(() -> new SingleMemberRestore(Duration.ofSeconds(30))
        .execute(first, line -> { }))
        .hasMessageContaining(first.restoredDir() + " appeared after the plan was made")
        .hasMessageContaining("nothing was changed");
    assertThat(theirs.resolve("theirs")).hasContent("not the restore's");
    assertThat(first.archive().dbFile()).doesNotExist();
    assertThat(clusterId()).isEqualTo(clusterId);

    RestorePlan next = preflight.prepare(request);
    RestoreResult result = new SingleMemberRestore(Duration.ofSeconds(30))
        .execute(next, line -> { });
    assertThat(result.newClusterId()).isNotEqualTo(clusterId);
    assertThat(clusterId()).isEqualTo(result.newClusterId());
    assertThat(theirs.resolve("theirs")).hasContent("not the restore's");
  }

  private static long clusterId() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      var got = clients.cluster().getKVClient().get(bytes("/canary")).get();
      assertThat(got.getKvs()).singleElement().matches(kv -> kv.getValue()
          .toString(StandardCharsets.UTF_8).equals("before"));
      return got.getHeader().getClusterId();
    }
  }

  private static List<String> memberFolder() throws Exception {
    try (Stream<Path> files = Files.list(etcd.member(0).dir())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
