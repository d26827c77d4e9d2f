package io.etcdwarden.checks.backup;

import io.etcdwarden.checks.Range;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.core.config.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The limits {@link BackupCheck} judges a store by: the newest archive's age in hours (WARNING
 * past 25 h, CRITICAL past 49 h: one missed daily backup warns, two page), and how small the
 * newest archive may be against the one before it before it looks truncated (half).
 */
public record BackupThresholds(Thresholds ageHours, double minSizeRatio) {
  public static final String DEFAULT_AGE_WARNING = "25";
  public static final String DEFAULT_AGE_CRITICAL = "49";
  public static final double DEFAULT_MIN_SIZE_RATIO = 0.5;

  public static BackupThresholds defaults() {
    return new BackupThresholds(Thresholds.of(DEFAULT_AGE_WARNING, DEFAULT_AGE_CRITICAL),
        DEFAULT_MIN_SIZE_RATIO);
  }

  /**
   * The default age limits, in hours, for a store filled on {@code schedule}: one missed run
   * warns (its longest gap + 1 h), two page (twice the gap + 1 h); for a daily schedule that is
   * exactly 25/49, which is also the limit without a schedule. Index 0 warning, 1 critical.
   */
  public static List<String> defaultAges(Optional<CronSchedule> schedule, Instant now) {
    Optional<Duration> gap = schedule.map(s -> s.longestGap(now));
    return List.of(gap.map(g -> hours(g.plusHours(1))).orElse(DEFAULT_AGE_WARNING),
        gap.map(g -> hours(g.multipliedBy(2).plusHours(1))).orElse(DEFAULT_AGE_CRITICAL));
  }

  private static String hours(Duration d) {
    double h = d.toSeconds() / 3600.0;
    return h == Math.rint(h) ? Long.toString((long) h)
        : String.format(Locale.ROOT, "%.2f", h);
  }

  /** The age thresholds in seconds, for the {@code age} perfdata item (unit {@code s}). */
  Thresholds ageSeconds() {
    return new Thresholds(ageHours.warning().map(BackupThresholds::hoursToSeconds),
        ageHours.critical().map(BackupThresholds::hoursToSeconds));
  }

  private static Range hoursToSeconds(Range hours) {
    double start = hours.start() * 3600;
    double end = hours.end() * 3600;
    String low = Double.isInfinite(start) ? "~:" : start == 0 ? "" : number(start) + ":";
    String high = Double.isInfinite(end) ? "" : number(end);
    String text = (hours.alertInside() ? "@" : "") + low + high;
    return new Range(start, end, hours.alertInside(), text);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
