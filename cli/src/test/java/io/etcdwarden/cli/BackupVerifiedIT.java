package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's story behind {@code check_etcd_backup}'s "not verified": an archive taken by
 * the CLI warns until {@code snapshots verify} (the command the warning names) passes on it,
 * and {@code snapshot --verify} publishes an archive the check already counts as verified.
 */
class BackupVerifiedIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;

  private CliRun cli(String... args) {
    return CliRun.run(etcd.etcdctlEnvironment(), args);
  }

  private CliRun checkBackup() {
    return cli("check", "backup", "--target", "file://" + store, "--allow-non-mount");
  }

  @Test
  void snapshotsVerifyClearsTheWarningItRecommends() {
    CliRun snapshot = cli("snapshot", "--target", "file://" + store, "--allow-non-mount");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();

    CliRun before = checkBackup();
    assertThat(before.exitCode()).as(before.toString()).isEqualTo(1);
    assertThat(before.out()).contains("not verified").contains("snapshots verify");

    CliRun verify = cli("snapshots", "verify", "--target", "file://" + store,
        "--allow-non-mount");
    assertThat(verify.exitCode()).as(verify.toString()).isZero();

    CliRun after = checkBackup();
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).startsWith("ETCD_BACKUP OK");
  }

  @Test
  void snapshotVerifyRecordsWhatItJustWroteAndATamperedArchiveLosesIt() throws Exception {
    CliRun snapshot = cli("snapshot", "--verify", "--target", "file://" + store,
        "--allow-non-mount");

    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    assertThat(field(snapshot.out(), "snapshot.verified")).isEqualTo("true");
    CliRun check = checkBackup();
    assertThat(check.exitCode()).as(check.toString()).isZero();

    Path archive = Path.of(field(snapshot.out(), "snapshot.path"));
    Path sidecar = Path.of(archive + ".sha256");
    String other = "0".repeat(64) + "  " + archive.getFileName() + "\n";
    Files.delete(sidecar);
    Files.writeString(sidecar, other);
    CliRun tampered = checkBackup();
    assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(1);
    assertThat(tampered.out()).contains("not verified");
  }

  private static String field(String out, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (.*)$").matcher(out);
    assertThat(m.find()).as(key + " in\n" + out).isTrue();
    return m.group(1);
  }
}
