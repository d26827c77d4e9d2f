package io.etcdwarden.checks.backup;

import io.etcdwarden.checks.Range;
import io.etcdwarden.checks.Thresholds;

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
