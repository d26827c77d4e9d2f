package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import io.etcdwarden.testkit.storage.FaultProxy;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore refuses, before it stops anything, what it cannot restore safely: a flipped byte, a
 * wrong {@code --sha256}, a download that breaks mid-way, a disk without room for the backup,
 * no terminal and no {@code --yes}. {@code --dry-run} prints the plan and changes nothing. After
 * each, the member runs with the same process, cluster and folder contents as before.
 */
@Tag("etcd-versions")
class RestoreFaultsIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @RegisterExtension static S3ProxyExtension s3proxy = S3ProxyExtension.withSdkCredentials();
  @TempDir static Path store;
  @TempDir Path tmp;
  private static Path archive;

  @BeforeAll
  static void anArchiveOfTheMember() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 256 << 10);
      clients.cluster().getKVClient().put(bytes("/canary"), bytes("before")).get();
    }
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target", "file://" + store,
        "--allow-non-mount");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    archive = Path.of(RestoreMigrationIT.field(run.out(), "snapshot.path"));
  }

  @Test
  void aFlippedByteIsRefusedBeforeTheMemberIsStopped() throws Exception {
    Path copy = Files.createDirectories(tmp.resolve("copy")).resolve(archive.getFileName());
    Files.copy(archive, copy);
    Files.copy(Path.of(archive + ".sha256"), Path.of(copy + ".sha256"));
    try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
      file.seek(file.length() / 2);
      int b = file.read();
      file.seek(file.length() / 2);
      file.write(b ^ 0x01);
    }
    Before before = Before.of(etcd);

    CliRun run = restore("--from", copy.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("sha256", "differs", "nothing was changed");
    assertThat(run.err().lines()).hasSize(1);
    before.assertUnchanged();
  }

  @Test
  void aWrongSha256FromTheOperatorIsRefused() throws Exception {
    Before before = Before.of(etcd);

    CliRun run = restore("--from", archive.toString(), "--sha256", "ab".repeat(32));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("differs from " + "ab".repeat(32) + " (--sha256)");
    before.assertUnchanged();
  }

  @Test
  void aDownloadThatBreaksMidwayIsRefused() throws Exception {
    String bucket = s3proxy.createBucket();
    String direct = "s3://" + bucket + "/etcd?endpoint=" + s3proxy.endpoint() + "&path-style=true";
    CliRun upload = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target", direct);
    assertThat(upload.exitCode()).as(upload.toString()).isZero();
    String name = Path.of(RestoreMigrationIT.field(upload.out(), "snapshot.path")).getFileName()
        .toString();
    Before before = Before.of(etcd);
    try (FaultProxy proxy = new FaultProxy(s3proxy.endpoint())) {
      proxy.dropReplyAfter(64 << 10);
      CliRun run = restore("--from", "s3://" + bucket + "/etcd/" + name + "?endpoint="
          + proxy.uri() + "&path-style=true");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).contains(name, "nothing was changed");
    }
    before.assertUnchanged();
  }

  @Test
  void noRoomForTheBackupIsRefusedBeforeTheMemberIsStopped() throws Exception {
    Path small = Files.createDirectories(tmp.resolve("small"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs",
        small.toString()).inheritIO().start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs");
    try {
      Before before = Before.of(etcd);

      CliRun run = restore("--from", archive.toString(), "--target", small.toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).contains("not enough free disk in " + small, "--skip-backup");
      before.assertUnchanged();
    } finally {
      new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  void aDryRunPrintsThePlanAndWithoutATerminalYesIsRequired() throws Exception {
    Before before = Before.of(etcd);

    CliRun dry = CliRun.run(ENV, "restore", "--from", archive.toString(), "--data-dir",
        etcd.member(0).dir().toString(), "--dry-run");
    CliRun unconfirmed = CliRun.run(ENV, "restore", "--from", archive.toString(), "--data-dir",
        etcd.member(0).dir().toString());
    CliRun byConfig = CliRun.run(ENV, "restore", "--from", archive.toString(), "--etcd-config",
        etcd.member(0).configFile().toString(), "--dry-run", "--skip-backup");

    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    assertThat(dry.out()).contains("Restore plan for member etcd0", "  1. restore the verified db",
        "snapshot restore", "--initial-cluster-token", "  2. stop member etcd0",
        "dry run: nothing was changed");
    assertThat(byConfig.exitCode()).as(byConfig.toString()).isZero();
    assertThat(byConfig.out()).contains("(" + etcd.member(0).configFile() + ")",
        "no backup archive (--skip-backup)");
    assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(1);
    assertThat(unconfirmed.err()).contains("no terminal", "--yes");
    before.assertUnchanged();
  }

  @Test
  void latestFromTheConfiguredStoreRestoresWithABackupAndKeepsTheOldData() throws Exception {
    Path config = Files.writeString(tmp.resolve("warden.yaml"),
        "backup:\n  target: file://" + store + "?allow-non-mount=true\n");
    long clusterId = Before.of(etcd).clusterId();

    CliRun run = restore("--from", "latest", "--config", config.toString(), "--target",
        tmp.resolve("old").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("archive: file://" + store + "/etcd-snapshot-");
    assertThat(Path.of(RestoreMigrationIT.field(run.out(), "backup.path")))
        .hasParent(tmp.resolve("old")).exists();
    assertThat(Path.of(RestoreMigrationIT.field(run.out(), "old.data"))).isDirectory();
    assertThat(RestoreMigrationIT.field(run.out(), "verified"))
        .contains("cluster ID " + Long.toHexString(clusterId) + " -> ");
    assertThat(Before.of(etcd).clusterId()).isNotEqualTo(clusterId);
  }

  @Test
  void aMemberThatCannotStartIsRestoredOnlyWhenTheOperatorVouchesItIsAlone() throws Exception {
    etcd.member(0).stop();
    try (RandomAccessFile db = new RandomAccessFile(etcd.member(0).dataDir()
        .resolve("member/snap/db").toFile(), "rw")) {
      db.setLength(4096); // damaged: this member would not start again
    }

    CliRun refused = restore("--from", archive.toString(), "--skip-backup");
    CliRun vouched = restore("--from", archive.toString(), "--skip-backup",
        "--assume-single-member");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("etcd0 is not running", "--assume-single-member");
    assertThat(vouched.exitCode()).as(vouched.toString()).isZero();
    assertThat(vouched.out()).contains("(unknown: the member was down) -> ");
    Before.of(etcd); // the canary from the archive is back, served by a healthy member
  }

  private static CliRun restore(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("restore", "--yes", "--data-dir",
        etcd.member(0).dir().toString()));
    all.addAll(List.of(args));
    return CliRun.run(ENV, all.toArray(String[]::new));
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }

  /** The member's pid, cluster ID and folder listing, to prove nothing changed. */
  record Before(String pid, long clusterId, List<String> files, EtcdClusterExtension etcd) {
    static Before of(EtcdClusterExtension etcd) throws Exception {
      return new Before(pid(etcd), clusterId(etcd), listing(etcd), etcd);
    }

    void assertUnchanged() throws Exception {
      assertThat(pid(etcd)).isEqualTo(pid);
      assertThat(clusterId(etcd)).isEqualTo(clusterId);
      assertThat(listing(etcd)).isEqualTo(files);
    }

    private static String pid(EtcdClusterExtension etcd) throws Exception {
      return Files.readString(etcd.member(0).dir().resolve("etcd.pid")).strip();
    }

    private static long clusterId(EtcdClusterExtension etcd) throws Exception {
      try (EtcdClients clients = new EtcdClients(etcd.target())) {
        var got = clients.cluster().getKVClient().get(bytes("/canary")).get();
        assertThat(got.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8))
            .isEqualTo("before");
        return got.getHeader().getClusterId();
      }
    }

    private static List<String> listing(EtcdClusterExtension etcd) throws Exception {
      Path parent = etcd.member(0).dir().getParent();
      try (Stream<Path> all = Files.walk(parent, 2)) {
        // The log grows, and restore.lock (empty) stays once a restore has locked the member.
        return all.map(Path::toString).filter(p -> !p.endsWith(".log")
            && !p.endsWith("/restore.lock")).sorted().toList();
      }
    }
  }
}
