package io.etcdwarden.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  @Test
  void crontabLinesBecomeQuartzExpressions() {
    assertThat(CronSchedule.parse("0 */6 * * *").quartzExpression()).isEqualTo("0 0 */6 * * ?");
    assertThat(CronSchedule.parse("30 2 * * 0").quartzExpression()).isEqualTo("0 30 2 ? * SUN");
    assertThat(CronSchedule.parse("30 2 * * 7").quartzExpression()).isEqualTo("0 30 2 ? * SUN");
    assertThat(CronSchedule.parse("0 3 * * 1-5").quartzExpression())
        .isEqualTo("0 0 3 ? * MON-FRI");
    assertThat(CronSchedule.parse("15 4 1 * *").quartzExpression()).isEqualTo("0 15 4 1 * ?");
    assertThat(CronSchedule.parse("0 1 * * mon,fri").quartzExpression())
        .isEqualTo("0 0 1 ? * MON,FRI");
  }

  @Test
  void quartzExpressionsAreTakenAsWritten() {
    assertThat(CronSchedule.parse("0/2 * * * * ?").quartzExpression()).isEqualTo("0/2 * * * * ?");
    assertThat(CronSchedule.parse("0 0 12 ? * WED 2099").quartzExpression())
        .isEqualTo("0 0 12 ? * WED 2099");
  }

  @Test
  void sundayIsSundayEitherWay() {
    Instant saturday = Instant.parse("2026-11-21T12:00:00Z");
    assertThat(CronSchedule.parse("30 2 * * 0").next(saturday))
        .isEqualTo(Instant.parse("2026-11-22T02:30:00Z"));
    assertThat(CronSchedule.parse("30 2 * * 7").next(saturday))
        .isEqualTo(Instant.parse("2026-11-22T02:30:00Z"));
  }

  @Test
  void badSchedulesNameTheKeyInOneLine() {
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("backup.schedule '61 * * * *' is not a cron schedule: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> CronSchedule.parse("every day"))
        .hasMessageContaining("want 5 crontab fields");
    assertThatThrownBy(() -> CronSchedule.parse("0 3 1 * 1"))
        .hasMessageContaining("day of month OR a weekday");
    assertThatThrownBy(() -> CronSchedule.parse("0 3 * * 8"))
        .hasMessageContaining("is not 0-7");
    assertThat(((WardenException) catchBad("0 0 1 1 ? 2001")).kind())
        .isEqualTo(WardenException.Kind.BAD_INPUT);
  }

  @Test
  void aLateRunServesTheTickBeforeIt() {
    CronSchedule every2s = CronSchedule.parse("0/2 * * * * ?");
    assertThat(every2s.tickAtOrBefore(Instant.parse("2026-11-23T10:00:03.700Z")))
        .isEqualTo(Instant.parse("2026-11-23T10:00:02Z"));
    assertThat(every2s.tickAtOrBefore(Instant.parse("2026-11-23T10:00:04Z")))
        .isEqualTo(Instant.parse("2026-11-23T10:00:04Z"));
    CronSchedule sixHourly = CronSchedule.parse("0 */6 * * *");
    assertThat(sixHourly.tickAtOrBefore(Instant.parse("2026-11-23T11:59:59Z")))
        .isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
  }

  private static Throwable catchBad(String text) {
    try {
      CronSchedule.parse(text);
      throw new AssertionError("accepted " + text);
    } catch (WardenException e) {
      return e;
    }
  }

  @Test
  void theLongestGapIsTheLongestHonestWaitBetweenTwoRuns() {
    Instant monday = Instant.parse("2026-11-23T00:00:00Z");
    assertThat(CronSchedule.parse("0 3 * * *").longestGap(monday)).isEqualTo(Duration.ofDays(1));
    // weekdays only: Friday 03:00 to Monday 03:00
    assertThat(CronSchedule.parse("0 3 * * 1-5").longestGap(monday))
        .isEqualTo(Duration.ofDays(3));
    // uneven hours: 02:00 and 20:00 leave 18 h and 6 h
    assertThat(CronSchedule.parse("0 2,20 * * *").longestGap(monday))
        .isEqualTo(Duration.ofHours(18));
    // a final year: the gaps up to its last run, no failure after it
    assertThat(CronSchedule.parse("0 0 12 ? * WED 2099").longestGap(monday))
        .isEqualTo(Duration.ofDays(7));
  }
}
