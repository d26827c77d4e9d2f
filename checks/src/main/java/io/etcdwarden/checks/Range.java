package io.etcdwarden.checks;

import io.etcdwarden.core.WardenException;

/**
 * A Nagios threshold range as the monitoring-plugins guidelines define it: {@code 10} means
 * alert outside 0..10, {@code 10:} outside 10..∞, {@code ~:10} outside -∞..10, {@code 10:20}
 * outside 10..20, and a leading {@code @} inverts it (alert inside 10..20). The text it was
 * parsed from is kept so perfdata shows the threshold exactly as the operator wrote it.
 */
public record Range(double start, double end, boolean alertInside, String text) {

  /** Parses {@code text}; a malformed range is the operator's input error naming {@code flag}. */
  public static Range parse(String text, String flag) {
    if (text == null || text.isBlank()) {
      throw WardenException.badInput(flag + ": empty threshold range");
    }
    String body = text.strip();
    boolean inside = body.startsWith("@");
    if (inside) {
      body = body.substring(1);
    }
    int colon = body.indexOf(':');
    double start = 0;
    double end;
    try {
      if (colon < 0) {
        end = number(body);
      } else {
        String low = body.substring(0, colon);
        String high = body.substring(colon + 1);
        start = low.equals("~") ? Double.NEGATIVE_INFINITY : low.isEmpty() ? 0 : number(low);
        end = high.isEmpty() ? Double.POSITIVE_INFINITY : number(high);
      }
    } catch (NumberFormatException e) {
      throw WardenException.badInput(flag + ": '" + text
          + "' is not a Nagios range (10, 10:, ~:10, 10:20 or @10:20)");
    }
    if (start > end) {
      throw WardenException.badInput(flag + ": range '" + text + "' starts above its end");
    }
    return new Range(start, end, inside, text.strip());
  }

  /** A range for a default threshold written in code. */
  public static Range of(String text) {
    return parse(text, "default threshold");
  }

  /** True when {@code value} should raise the alert this range stands for. */
  public boolean alerts(double value) {
    boolean within = value >= start && value <= end;
    return alertInside == within;
  }

  @Override
  public String toString() {
    return text;
  }

  private static double number(String s) {
    if (s.isEmpty() || !s.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
      throw new NumberFormatException(s);
    }
    return Double.parseDouble(s);
  }
}
