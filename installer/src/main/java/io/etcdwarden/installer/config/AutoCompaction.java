package io.etcdwarden.installer.config;

import io.etcdwarden.core.WardenException;
import java.util.regex.Pattern;

/**
 * etcd's own history compaction as install renders it: {@code auto-compaction-mode: periodic}
 * with a retention such as {@code 4h} (the default: outside Kubernetes nobody else compacts, and
 * an uncompacted member grows until NOSPACE), or off. The retention is what etcd accepts in
 * periodic mode: a Go duration ({@code 30m}, {@code 1h30m}) or a whole number of hours.
 */
public final class AutoCompaction {
  /** The retention install renders unless told otherwise. */
  public static final String DEFAULT_RETENTION = "4h";
  /** etcd's mode key value for time-based retention. */
  static final String MODE = "periodic";
  private static final Pattern RETENTION =
      Pattern.compile("[0-9]+|([0-9]+h)?([0-9]+m)?([0-9]+s)?");

  private AutoCompaction() {}

  /** The retention to render for {@code text}: "" (off) for {@code 0} or {@code off}. */
  public static String retention(String text, String flag) {
    String t = text == null ? "" : text.trim();
    if (t.equals("0") || t.equalsIgnoreCase("off")) {
      return "";
    }
    if (!valid(t)) {
      throw WardenException.badInput(flag + ": '" + text + "' is not a retention (e.g. 4h, 30m,"
          + " 1h30m, or 0/off to leave compaction to someone else)");
    }
    return t;
  }

  static boolean valid(String retention) {
    return retention.isEmpty() || RETENTION.matcher(retention).matches()
        && !retention.matches("0+|(0+[hms])+");
  }
}
