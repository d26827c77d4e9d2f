package io.etcdwarden.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which archives to keep, in the spirit of gardener's exponential policy: the newest {@code
 * keepLast}, then the newest archive of each of the last {@code hourly} hours, {@code daily}
 * days and {@code weekly} weeks (UTC, counting only periods that have an archive). Pure: it
 * decides from names and times; {@link SnapshotPruner} verifies and deletes.
 */
public record RetentionPolicy(int keepLast, int hourly, int daily, int weekly) {
  public static final RetentionPolicy DEFAULT = new RetentionPolicy(7, 24, 7, 4);

  public RetentionPolicy {
    if (keepLast < 1 || hourly < 0 || daily < 0 || weekly < 0) {
      throw new IllegalArgumentException("keep-last must be >= 1 and the buckets >= 0");
    }
  }

  /** One archive with the time it was taken. */
  public record Dated(String name, Instant takenAt) {}

  /** The archives to keep, each with the first reason that keeps it; newest first. */
  public Map<String, PruneReason> keep(List<Dated> archives) {
    List<Dated> newestFirst = archives.stream()
        .sorted(Comparator.comparing(Dated::takenAt).reversed()).toList();
    Map<String, PruneReason> kept = new LinkedHashMap<>();
    newestFirst.stream().limit(keepLast).forEach(a -> kept.putIfAbsent(a.name(),
        new PruneReason.LastArchives(keepLast)));
    bucket(newestFirst, hourly, t -> t.truncatedTo(ChronoUnit.HOURS), PruneReason.Fixed.HOURLY,
        kept);
    bucket(newestFirst, daily, t -> t.truncatedTo(ChronoUnit.DAYS), PruneReason.Fixed.DAILY,
        kept);
    bucket(newestFirst, weekly, RetentionPolicy::weekOf, PruneReason.Fixed.WEEKLY, kept);
    return kept;
  }

  private static void bucket(List<Dated> newestFirst, int periods,
      Function<Instant, Object> period, PruneReason reason, Map<String, PruneReason> kept) {
    Object current = null;
    int seen = 0;
    for (Dated archive : newestFirst) {
      Object p = period.apply(archive.takenAt());
      if (!p.equals(current)) {
        if (++seen > periods) {
          return;
        }
        current = p;
        kept.putIfAbsent(archive.name(), reason);
      }
    }
  }

  private static Object weekOf(Instant t) {
    // ISO weeks start on Monday; epoch day 0 (1970-01-01) was a Thursday.
    return Math.floorDiv(t.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay() + 3, 7);
  }
}
