package io.etcdwarden.cli;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.daemon.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The longest time between two runs of {@code backup.schedule}, over the next few weeks of
 * runs, so that irregular schedules (weekdays only, twice a day at uneven hours) get limits
 * that the longest honest gap does not trip.
 */
final class ScheduleGap {
  /** Runs looked at; enough to cover a weekly pattern of an hourly schedule. */
  private static final int RUNS = 200;

  private ScheduleGap() {}

  /** Empty when no schedule is configured. */
  static Optional<Duration> longest(BackupSection backup, Instant now) {
    if (!backup.scheduled()) {
      return Optional.empty();
    }
    CronSchedule schedule = CronSchedule.parse(backup.schedule());
    Instant previous = schedule.next(now);
    Duration longest = Duration.ZERO;
    for (int i = 0; i < RUNS; i++) {
      Instant next = schedule.next(previous);
      Duration gap = Duration.between(previous, next);
      if (gap.compareTo(longest) > 0) {
        longest = gap;
      }
      previous = next;
    }
    return Optional.of(longest);
  }
}
