package io.etcdwarden.core.config;

import io.etcdwarden.core.WardenException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the duration syntax operators type in flags and in {@code warden.yaml}: a
 * number followed by {@code ms}, {@code s}, {@code m} or {@code h}, optionally chained as Go and
 * etcdctl allow ({@code 1m30s}), or a bare number meaning seconds ({@code 5}, {@code 1.5}).
 * Parsing fails with a one-line {@link WardenException#badInput} that names where the text came
 * from; zero and negative durations are refused because every duration here is a deadline or an
 * interval, where zero would mean "fail at once" or "spin".
 */
public final class Durations {
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
  private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);

  private Durations() {}

  /**
   * Parses {@code text}; {@code keyName} is how the operator knows the setting (for example
   * {@code --timeout} or {@code /etc/etcd-warden/warden.yaml: etcd.timeout}) and starts the
   * error message.
   */
  public static Duration parse(String text, String keyName) {
    String trimmed = text == null ? "" : text.trim();
    BigDecimal nanos = BARE_NUMBER.matcher(trimmed).matches()
        ? new BigDecimal(trimmed).multiply(unitNanos("s"))
        : sumOfParts(trimmed);
    if (nanos == null) {
      throw WardenException.badInput(
          keyName + " must be a duration like 500ms, 5s or 2m, got '" + text + "'");
    }
    if (nanos.signum() <= 0) {
      throw WardenException.badInput(keyName + " must be longer than 0, got '" + text + "'");
    }
    try {
      return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException tooLong) {
      throw WardenException.badInput(keyName + " is too long, got '" + text + "'");
    }
  }

  /** Writes a duration the way {@link #parse} reads it, shortest form first: 500ms, 5s, 2m, 1m30s. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds > 60 ? seconds / 60 + "m" + seconds % 60 + "s" : seconds + "s";
  }

  /** Sums "1m30s"-style parts; null when the text is not entirely made of parts. */
  private static BigDecimal sumOfParts(String text) {
    Matcher part = PART.matcher(text);
    BigDecimal total = BigDecimal.ZERO;
    int consumed = 0;
    while (consumed < text.length() && part.find(consumed) && part.start() == consumed) {
      total = total.add(new BigDecimal(part.group(1)).multiply(unitNanos(part.group(2))));
      consumed = part.end();
    }
    return consumed == text.length() && consumed > 0 ? total : null;
  }

  private static BigDecimal unitNanos(String unit) {
    long millis = switch (unit) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      default -> throw new IllegalArgumentException("unit " + unit);
    };
    return NANOS_PER_MILLI.multiply(BigDecimal.valueOf(millis));
  }
}
