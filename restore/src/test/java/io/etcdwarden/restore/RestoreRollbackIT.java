package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcd.jetcd.ByteSequence;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures after the member was stopped are rolled back: an etcd that cannot start on the
 * restored data, and a disk that fills while the old data is backed up (a real tmpfs; the
 * free-space probe is made to lie so the preflight lets it through, as a disk filled by
 * someone else in between would). Afterwards the member serves its old cluster and keys. A
 * charm archive (a raw db without etcd's hash) restores with --skip-hash-check.
 */
@Tag("etcd-versions")
class RestoreRollbackIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir static Path archives;
  @TempDir Path tmp;
  private static Path archive;
  private static Path charmArchive;

  @BeforeAll
  static void archivesOfTheMember() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      for (int i = 0; i < 50; i++) {
        clients.cluster().getKVClient().put(bytes("/k" + i), bytes("v" + i)).get();
      }
      clients.cluster().getKVClient().put(bytes("/canary"), bytes("before")).get();
    }
    Path work = Files.createDirectories(archives.resolve("work"));
    saveWithEnvironment(work);
    archive = archives.resolve("etcd-snapshot-charm-style.tar.gz");
    tar(work, archive, "./db");
    // The charm copied member/snap/db: the same bolt file without etcd's appended sha256.
    Path raw = Files.createDirectories(archives.resolve("raw"));
    byte[] db = Files.readAllBytes(work.resolve("db"));
    Files.write(raw.resolve("db"), java.util.Arrays.copyOf(db, db.length - 32));
    charmArchive = archives.resolve("charm-raw-db.tar.gz");
    tar(raw, charmArchive, "./db");
  }

  private static void saveWithEnvironment(Path work) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("etcdctl", "snapshot", "save",
        work.resolve("db").toString()).redirectErrorStream(true)
        .redirectOutput(work.resolve("save.log").toFile());
    builder.environment().putAll(etcd.etcdctlEnvironment());
    assertThat(builder.start().waitFor()).as(Files.readString(work.resolve("save.log")))
        .isZero();
  }

  private static void tar(Path dir, Path archive, String entry) throws Exception {
    Process tar = new ProcessBuilder("tar", "-C", dir.toString(), "-czf", archive.toString(),
        entry).inheritIO().start();
    assertThat(tar.waitFor()).isZero();
  }

  private RestoreRequest request(Path from, Path backupDir) {
    return new RestoreRequest(from.toString(), Optional.empty(), Optional.empty(),
        Optional.of(etcd.member(0).dir()), Optional.empty(), Optional.of(backupDir), false, false,
        false, Duration.ofSeconds(20), System.getenv(), false, Optional.empty());
  }

  @Test
  void anEtcdThatCannotStartOnTheRestoredDataIsRolledBack() throws Exception {
    long clusterId = clusterIdWithCanary();
    List<String> before = siblingsOfDataDir();
    RestorePlan plan = new RestorePreflight(Clock.systemUTC(), FreeSpace.ofFileSystem())
        .prepare(request(archive, tmp.resolve("backup")));
    SingleMemberRestore broken = new SingleMemberRestore((command, into) -> {
      RestoreTool.run(command, into);
      try (RandomAccessFile db = new RandomAccessFile(into.resolve("member/snap/db").toFile(),
          "rw")) {
        db.setLength(4096); // a torn bolt file: etcd refuses to start on it
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, Duration.ofSeconds(20));

    assertThatThrownBy(() -> broken.execute(plan, line -> { }))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("restore failed")
        .hasMessageContaining("rolled back: member etcd0 runs on its old data");

    assertThat(clusterIdWithCanary()).isEqualTo(clusterId);
    assertThat(siblingsOfDataDir()).isEqualTo(before);
    assertThat(tmp.resolve("backup")).isDirectoryContaining("glob:**.tar.gz");
  }

  @Test
  void aDiskThatFillsDuringTheBackupIsRolledBack() throws Exception {
    Path small = Files.createDirectories(tmp.resolve("small"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs",
        small.toString()).inheritIO().start();
    assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs (not root?)");
    try {
      long clusterId = clusterIdWithCanary();
      List<String> before = siblingsOfDataDir();
      RestorePlan plan = new RestorePreflight(Clock.systemUTC(), dir -> Long.MAX_VALUE)
          .prepare(request(archive, small));

      assertThatThrownBy(() -> new SingleMemberRestore(Duration.ofSeconds(20))
          .execute(plan, line -> { }))
          .hasMessageContaining("cannot back up")
          .hasMessageContaining("rolled back");

      assertThat(clusterIdWithCanary()).isEqualTo(clusterId);
      assertThat(siblingsOfDataDir()).isEqualTo(before);
      try (Stream<Path> left = Files.list(small)) {
        assertThat(left).isEmpty();
      }
    } finally {
      new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void aCharmArchiveWithoutAHashRestoresWithSkipHashCheck() throws Exception {
    long clusterId = clusterIdWithCanary();
    RestorePlan plan = new RestorePreflight(Clock.systemUTC(), FreeSpace.ofFileSystem())
        .prepare(request(charmArchive, tmp.resolve("backup")));
    assertThat(plan.render()).contains("carried no hash", "--skip-hash-check");

    RestoreResult result = new SingleMemberRestore(Duration.ofSeconds(20))
        .execute(plan, line -> { });

    assertThat(result.newClusterId()).isNotEqualTo(clusterId);
    assertThat(result.keys()).isEqualTo(51);
    assertThat(clusterIdWithCanary()).isEqualTo(result.newClusterId());
    Process list = new ProcessBuilder("tar", "tzf", result.backup().orElseThrow().path()
        .toString()).redirectErrorStream(true).start();
    assertThat(new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("member/snap/db", "member/wal/");
    assertThat(siblingsOfDataDir()).contains("data", "data.before-restore-"
        + plan.keptDir().getFileName().toString().substring("data.before-restore-".length()));
  }

  private static long clusterIdWithCanary() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      var got = clients.cluster().getKVClient().get(bytes("/canary")).get();
      assertThat(got.getKvs()).hasSize(1);
      assertThat(got.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8))
          .isEqualTo("before");
      return got.getHeader().getClusterId();
    }
  }

  private static List<String> siblingsOfDataDir() throws Exception {
    try (Stream<Path> files = Files.list(etcd.member(0).dir())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("data"))
          .sorted().toList();
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
