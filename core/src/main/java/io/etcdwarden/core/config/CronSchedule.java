package io.etcdwarden.core.config;

import io.etcdwarden.core.WardenException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The snapshot schedule from {@code backup.schedule}, validated when the config loads. Operators
 * write crontab's five fields ({@code 0 *}{@code /6 * * *}); Quartz wants seconds first, a
 * {@code ?} in one of day-of-month and day-of-week, and days of the week counted 1-7 from
 * Sunday where crontab counts 0-7 with both 0 and 7 for Sunday. Five fields are translated;
 * six or seven are taken as Quartz's own form. Times are UTC, as the archive names are.
 */
public final class CronSchedule {
  /** Runs {@link #longestGap} looks at; enough to cover a weekly pattern of an hourly one. */
  static final int GAP_RUNS = 200;
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  private static final Map<String, String> CRONTAB_DAYS = Map.of("0", "SUN", "1", "MON",
      "2", "TUE", "3", "WED", "4", "THU", "5", "FRI", "6", "SAT", "7", "SUN");

  private final String written;
  private final CronExpression quartz;

  private CronSchedule(String written, CronExpression quartz) {
    this.written = written;
    this.quartz = quartz;
  }

  /** Parses {@code text}; a bad one is one line naming {@code backup.schedule}. */
  public static CronSchedule parse(String text) {
    return parse(text, BackupSection.NAME + "." + BackupSection.SCHEDULE);
  }

  /** Parses {@code text}; a bad one is one line naming {@code key} (e.g. a section's key). */
  public static CronSchedule parse(String text, String key) {
    try {
      return parseAs(text);
    } catch (WardenException e) {
      String prefix = BackupSection.NAME + "." + BackupSection.SCHEDULE;
      String message = String.valueOf(e.getMessage());
      throw message.startsWith(prefix)
          ? WardenException.badInput(key + message.substring(prefix.length()), e) : e;
    }
  }

  private static CronSchedule parseAs(String text) {
    String trimmed = text.trim();
    String[] fields = trimmed.split("\\s+");
    String expression = fields.length == 5 ? fromCrontab(fields) : trimmed;
    if (fields.length < 5 || fields.length > 7) {
      throw invalid(text, "want 5 crontab fields (min hour day month weekday) or Quartz's 6-7");
    }
    try {
      CronExpression cron = new CronExpression(expression);
      cron.setTimeZone(UTC);
      if (cron.getTimeAfter(new Date()) == null) {
        throw invalid(text, "it never fires");
      }
      return new CronSchedule(trimmed, cron);
    } catch (ParseException e) {
      throw invalid(text, e.getMessage()
          + (fields.length == 5 ? " (as Quartz: '" + expression + "')" : ""));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // Quartz throws these for combinations it does not support
      throw invalid(text, String.valueOf(e.getMessage()));
    }
  }

  /** crontab's five fields as Quartz's seven-less-year form. */
  static String fromCrontab(String[] f) {
    String dayOfMonth = f[2];
    String dayOfWeek = crontabDays(f[4]);
    if (dayOfWeek.equals("*")) {
      dayOfWeek = "?";
    } else if (dayOfMonth.equals("*")) {
      dayOfMonth = "?";
    } else {
      // crontab fires when either matches; Quartz cannot say that, so refuse rather than guess
      throw invalid(String.join(" ", f), "Quartz cannot fire on a day of month OR a weekday;"
          + " give one of them as *");
    }
    return "0 " + f[0] + " " + f[1] + " " + dayOfMonth + " " + f[3] + " " + dayOfWeek;
  }

  /** crontab weekdays (0-7, names) as Quartz's names, which need no renumbering. */
  private static String crontabDays(String field) {
    if (field.equals("*") || field.equals("?")) {
      return "*";
    }
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(field);
    int last = 0;
    while (m.find()) {
      out.append(field, last, m.start());
      boolean isStep = m.start() > 0 && field.charAt(m.start() - 1) == '/';
      String day = CRONTAB_DAYS.get(m.group());
      if (!isStep && day == null) {
        throw invalid(field, "day of week '" + m.group() + "' is not 0-7");
      }
      out.append(isStep ? m.group() : day);
      last = m.end();
    }
    out.append(field.substring(last));
    return out.toString().toUpperCase(Locale.ROOT);
  }

  private static WardenException invalid(String text, String why) {
    return WardenException.badInput(BackupSection.NAME + "." + BackupSection.SCHEDULE + " '"
        + text.trim() + "' is not a cron schedule: " + why);
  }

  /** The Quartz expression, e.g. {@code 0 0 *}{@code /6 ? * *}. */
  public String quartzExpression() {
    return quartz.getCronExpression();
  }

  /** As the operator wrote it. */
  public String written() {
    return written;
  }

  /**
   * The longest time between two runs over the next {@value #GAP_RUNS} runs after {@code now}, so
   * that irregular schedules (weekdays only, twice a day at uneven hours) get limits that their
   * longest honest gap does not trip; the backup check's default age limits follow it.
   */
  public Duration longestGap(Instant now) {
    Date previous = quartz.getTimeAfter(Date.from(now));
    Duration longest = Duration.ZERO;
    for (int i = 0; i < GAP_RUNS && previous != null; i++) {
      // null: a schedule with a final year has no run after its last one
      Date following = quartz.getTimeAfter(previous);
      if (following == null) {
        break;
      }
      Duration gap = Duration.between(previous.toInstant(), following.toInstant());
      if (gap.compareTo(longest) > 0) {
        longest = gap;
      }
      previous = following;
    }
    return longest;
  }

  /** The first fire time strictly after {@code t}. */
  public Instant next(Instant t) {
    return quartz.getTimeAfter(Date.from(t)).toInstant();
  }

  /**
   * The scheduled time a run at {@code t} serves: the latest fire time at or before it. A run
   * Quartz fires late after a misfire reports "now" as its scheduled time; every daemon must
   * name the tick alike for the cluster-wide ledger to see that it was already served.
   */
  public Instant tickAtOrBefore(Instant t) {
    for (long windowSeconds : new long[] {1, 60, 3_600, 86_400, 32 * 86_400L, 367 * 86_400L}) {
      Instant candidate = next(t.minusSeconds(windowSeconds));
      if (!candidate.isAfter(t)) {
        for (int steps = 0; steps < 100_000; steps++) {
          Instant after = next(candidate);
          if (after.isAfter(t)) {
            return candidate;
          }
          candidate = after;
        }
        return candidate;
      }
    }
    return t;
  }
}
