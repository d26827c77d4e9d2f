package io.etcdwarden.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.backup.BackupThresholds;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.WardenConfigLoader;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** check_etcd_backup's age limits follow backup.schedule unless -w/-c are given. */
class BackupCheckOptionsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

  private static String[] limits(String schedule, String... args) {
    BackupCheckOptions options = new BackupCheckOptions();
    new CommandLine(options).parseArgs(args);
    BackupSection backup = WardenConfigLoader.parse(schedule == null ? ""
        : "backup:\n  schedule: '" + schedule + "'\n", "w.yaml").backup();
    BackupThresholds t = options.thresholds(backup, NOW);
    return new String[] {t.ageHours().warning().orElseThrow().text(),
        t.ageHours().critical().orElseThrow().text()};
  }

  @Test
  void withoutAScheduleOneMissedDailyBackupWarnsAndTwoPage() {
    assertThat(limits(null)).containsExactly("25", "49");
  }

  @Test
  void aScheduleSetsTheLimitsToOneAndTwoMissedRunsPlusAnHour() {
    assertThat(limits("0 */6 * * *")).containsExactly("7", "13");
    assertThat(limits("30 1 * * *")).containsExactly("25", "49");
    // weekdays only: the weekend's 72-hour gap is honest, not a missed run
    assertThat(limits("0 2 * * 1-5")).containsExactly("73", "145");
    assertThat(limits("*/30 * * * *")).containsExactly("1.50", "2");
  }

  @Test
  void flagsWinOverTheSchedule() {
    assertThat(limits("0 */6 * * *", "-w", "10", "-c", "20")).containsExactly("10", "20");
    assertThat(limits("0 */6 * * *", "-c", "30")).containsExactly("7", "30");
  }
}
