package io.etcdwarden.checks.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.config.CronSchedule;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupThresholdsTest {
  private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");

  @Test
  void withoutAScheduleTheAgesAreOneAndTwoMissedDailyRuns() {
    assertThat(BackupThresholds.defaultAges(Optional.empty(), MONDAY)).containsExactly("25", "49");
  }

  @Test
  void theAgesFollowTheSchedulesLongestGap() {
    assertThat(BackupThresholds.defaultAges(Optional.of(CronSchedule.parse("0 3 * * *")), MONDAY))
        .containsExactly("25", "49");
    assertThat(BackupThresholds.defaultAges(Optional.of(CronSchedule.parse("0 */6 * * *")),
        MONDAY)).containsExactly("7", "13");
    // weekdays only: the weekend's 72 h gap must not warn
    assertThat(BackupThresholds.defaultAges(Optional.of(CronSchedule.parse("0 3 * * 1-5")),
        MONDAY)).containsExactly("73", "145");
    assertThat(BackupThresholds.defaultAges(Optional.of(CronSchedule.parse("*/20 * * * *")),
        MONDAY)).containsExactly("1.33", "1.67");
  }
}
