package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the operator installs to run the daemon or cron, through the CLI itself. */
class DaemonFilesTest {
  @TempDir Path tmp;

  @Test
  void installUnitWritesTheServiceFile() throws Exception {
    Path config = Files.writeString(tmp.resolve("warden.yaml"), "daemon:\n  listen: 127.0.0.1:0\n");

    CliRun run = CliRun.run(Map.of(), "daemon", "--install-unit", "--unit-dir", tmp.toString(),
        "--config", config.toString(), "--launcher", "/opt/etcd-warden/bin/etcd-warden",
        "--member", "etcd0");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("wrote " + tmp.resolve("etcd-warden.service"));
    assertThat(Files.readString(tmp.resolve("etcd-warden.service")))
        .contains("ExecStart=/opt/etcd-warden/bin/etcd-warden daemon --config " + config + "\n")
        .contains("Restart=always")
        .contains("After=network-online.target etcd-etcd0.service\n", "User=etcd-warden\n");
  }

  @Test
  void cronRenderWritesAFlockedCronDFile() throws Exception {
    Path config = Files.writeString(tmp.resolve("warden.yaml"),
        "backup:\n  target: file:///mnt/etcd-backups\n  schedule: 15 */6 * * *\n");
    Path output = tmp.resolve("etcd-warden.cron");

    CliRun run = CliRun.run(Map.of(), "cron", "render", "--config", config.toString(),
        "--output", output.toString(), "--launcher", "/opt/etcd-warden/bin/etcd-warden");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(output)).contains("15 */6 * * * root flock -n "
        + "/run/lock/etcd-warden.lock sh -c '/opt/etcd-warden/bin/etcd-warden snapshot --verify --config "
        + config);
  }

  @Test
  void aBadScheduleIsOneLineNamingTheKey() throws Exception {
    Path config = Files.writeString(tmp.resolve("warden.yaml"),
        "backup:\n  target: file:///mnt/etcd-backups\n  schedule: 61 * * * *\n");

    CliRun run = CliRun.run(Map.of(), "cron", "render", "--config", config.toString(),
        "--launcher", "/opt/etcd-warden/bin/etcd-warden");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("etcd-warden: backup.schedule '61 * * * *' is not a cron")
        .hasLineCount(1);
  }

  @Test
  void nrpeRenderRegistersCheckEtcdBackupBesideTheClusterCheck() throws Exception {
    Path config = Files.writeString(tmp.resolve("warden.yaml"),
        "backup:\n  target: s3://backups/etcd?region=eu-west-1\n");

    CliRun run = CliRun.run(Map.of(), "nrpe", "render", "--config", config.toString(),
        "--endpoints", "https://10.0.0.1:2379", "--plugin", "/opt/ew/bin/check_etcd_cluster",
        "--nagios-context", "it", "--unit-name", "etcd/0");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("command[check_etcd_cluster]=/opt/ew/bin/check_etcd_cluster ")
        // Quoted: '?' is a pattern character to the shell NRPE runs the line with.
        .contains("command[check_etcd_backup]=/opt/ew/bin/check_etcd_backup --target "
            + "'s3://backups/etcd?region=eu-west-1' --endpoints https://10.0.0.1:2379")
        .contains("check_command                   check_nrpe!check_etcd_backup");
  }

  @Test
  void checkBackupBadArgumentsAreUnknown() {
    CliRun run = CliRun.run(Map.of(), "check", "backup", "--target", "file:///nowhere",
        "-w", "x");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).startsWith("ETCD_BACKUP UNKNOWN: -w: 'x' is not a Nagios range");
  }

  @Test
  void statusWithoutADaemonSaysSoInOneLine() {
    CliRun run = CliRun.run(Map.of(), "status", "--daemon", "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("etcd-warden: daemon not reachable at 127.0.0.1:1")
        .hasLineCount(1);
  }
}
