package io.etcdwarden.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupSectionTest {
  @Test
  void readsEveryKey() {
    BackupSection backup = WardenConfigLoader.parse("""
        backup:
          target: s3://backups/etcd?region=eu-west-1
          schedule: "0 */6 * * *"
          compression: ZSTD
          member: etcd1
          keep_last: 3
          keep_hourly: 0
          keep_daily: 14
          keep_weekly: 8
        """, "warden.yaml").backup();

    assertThat(backup.target()).contains(URI.create("s3://backups/etcd?region=eu-west-1"));
    assertThat(backup.schedule()).isEqualTo("0 */6 * * *");
    assertThat(backup.scheduled()).isTrue();
    assertThat(backup.compression()).isEqualTo("zstd");
    assertThat(backup.member()).contains("etcd1");
    assertThat(backup.keepLast()).isEqualTo(3);
    assertThat(backup.keepHourly()).isZero();
    assertThat(backup.keepDaily()).isEqualTo(14);
    assertThat(backup.keepWeekly()).isEqualTo(8);
  }

  @Test
  void anAbsentSectionMeansNoTargetAndNoSchedule() {
    BackupSection backup = WardenConfigLoader.parse("etcd:\n  port: 2379\n", "w.yaml").backup();
    assertThat(backup).isEqualTo(BackupSection.defaults());
    assertThat(backup.target()).isEmpty();
    assertThat(backup.scheduled()).isFalse();
    assertThat(backup.member()).isEqualTo(Optional.empty());
  }

  @Test
  void theCharmsMinusOneMeansNoSchedule() {
    assertThat(WardenConfigLoader.parse("backup:\n  schedule: '-1'\n", "w.yaml").backup()
        .scheduled()).isFalse();
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> WardenConfigLoader.parse("backup:\n  target: ftp://x/y\n", "w.yaml"))
        .isInstanceOf(WardenException.class)
        .hasMessage("w.yaml: backup.target must be a store URI like file:///mnt/etcd-backups,"
            + " s3://bucket/prefix or gs://bucket/prefix, got 'ftp://x/y'");
    assertThatThrownBy(() -> WardenConfigLoader.parse("backup:\n  compression: xz\n", "w.yaml"))
        .hasMessage("w.yaml: backup.compression must be one of gzip, zstd, got 'xz'");
    assertThatThrownBy(() -> WardenConfigLoader.parse("backup:\n  keep_last: 0\n", "w.yaml"))
        .hasMessage("w.yaml: backup.keep_last must be an integer of at least 1, got '0'");
    assertThatThrownBy(() -> WardenConfigLoader.parse("backup:\n  keep_daily: -2\n", "w.yaml"))
        .hasMessage("w.yaml: backup.keep_daily must be an integer of at least 0, got '-2'");
    assertThatThrownBy(() -> WardenConfigLoader.parse("backup:\n  keep: 2\n", "w.yaml"))
        .hasMessageStartingWith("w.yaml: unknown key 'backup.keep' (known keys: target,");
  }

  @Test
  void aBadScheduleIsRefusedWhenTheConfigLoadsNamingTheKey() {
    assertThatThrownBy(() -> WardenConfigLoader.parse("backup:\n  schedule: 61 * * * *\n",
        "w.yaml"))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("backup.schedule '61 * * * *' is not a cron schedule: ")
        .hasMessageNotContaining("\n");
    assertThat(WardenConfigLoader.parse("backup:\n  schedule: 0 3 * * 1-5\n", "w.yaml")
        .backup().cronSchedule().orElseThrow().quartzExpression())
        .isEqualTo("0 0 3 ? * MON-FRI");
  }

  @Test
  void theDrillScheduleIsOffByDefaultAndValidatedAtLoadNamingItsKey() {
    assertThat(WardenConfigLoader.parse("backup:\n  keep_last: 2\n", "w.yaml").backup()
        .drillCronSchedule()).isEmpty();
    assertThat(WardenConfigLoader.parse("backup:\n  drill_schedule: 0 4 * * 0\n", "w.yaml")
        .backup().drillCronSchedule().orElseThrow().written()).isEqualTo("0 4 * * 0");
    assertThatThrownBy(() -> WardenConfigLoader.parse("backup:\n  drill_schedule: 0 25 * * *\n",
        "w.yaml")).isInstanceOf(io.etcdwarden.core.WardenException.class)
        .hasMessageContaining("backup.drill_schedule '0 25 * * *' is not a cron schedule: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anOldSpoolDirLoadsWithOneWarningLine() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    BackupSection backup;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      backup = WardenConfigLoader.parse("""
          backup:
            target: file:///mnt/etcd-backups
            spool_dir: /var/lib/etcd-warden/spool
            keep_last: 3
          """, "old.yaml").backup();
    } finally {
      System.setErr(original);
    }

    assertThat(backup).isEqualTo(new BackupSection(Optional.of(URI.create(
        "file:///mnt/etcd-backups")), "", "gzip", Optional.empty(), 3, 24, 7, 4,
        java.util.List.of(), Optional.empty()));
    assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
        .contains("old.yaml: backup.spool_dir is no longer used");
    assertThatThrownBy(() -> WardenConfigLoader.parse("backup:\n  spool: /x\n", "w.yaml"))
        .hasMessageStartingWith("w.yaml: unknown key 'backup.spool' (known keys: target,")
        .hasMessageNotContaining("spool_dir");
  }
}
