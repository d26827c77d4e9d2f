package io.etcdwarden.backup;

import io.etcdwarden.core.WardenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The point an operator restores to: "before" a time ({@code --before}, RFC 3339 such as
 * {@code 2026-12-04T17:00:00Z} or relative to now such as {@code -2h}, {@code -90m},
 * {@code -1d}) or "at" an etcd revision ({@code --at-revision}). An archive qualifies when its
 * manifest's {@code created_at} is at or before the time, or its revision at or below the
 * revision.
 */
public sealed interface PointInTime {
  /** Archives created at or before {@code time}. */
  record Before(Instant time, String asWritten) implements PointInTime {
    public String describe() {
      return "created at or before " + time + (asWritten.equals(time.toString()) ? ""
          : " (--before " + asWritten + ")");
    }
  }

  /** Archives whose revision is at or below {@code revision}. */
  record AtRevision(long revision) implements PointInTime {
    public String describe() {
      return "at or below revision " + revision;
    }
  }

  /** What qualifies, for the chosen line and refusals. */
  String describe();

  /** Relative times: a minus sign, a whole number and one unit (s, m, h or d). */
  Pattern RELATIVE = Pattern.compile("-(\\d{1,9})([smhd])");

  /** {@code --before TIME} read against {@code clock}; a bad value is one line naming it. */
  static Before before(String value, Clock clock) {
    String v = value.strip();
    Matcher relative = RELATIVE.matcher(v);
    if (relative.matches()) {
      long n = Long.parseLong(relative.group(1));
      Duration back = switch (relative.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
      return new Before(clock.instant().minus(back), v);
    }
    try {
      return new Before(OffsetDateTime.parse(v).toInstant(), v);
    } catch (DateTimeParseException e) {
      throw WardenException.badInput("--before '" + value + "': give an RFC 3339 time such as"
          + " 2026-12-04T17:00:00Z or a time relative to now such as -2h (s, m, h or d)");
    }
  }

  /** {@code --at-revision N}; refused in one line unless N is a positive revision. */
  static AtRevision atRevision(long revision) {
    if (revision < 1) {
      throw WardenException.badInput("--at-revision must be a revision of 1 or more, got "
          + revision);
    }
    return new AtRevision(revision);
  }
}
