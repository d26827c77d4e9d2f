package io.etcdwarden.maintenance;

import io.etcdwarden.core.WardenException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which members a defrag run treats. A rule is comparisons joined by {@code &&} (binds tighter)
 * and {@code ||}, e.g. {@code fragmentation >= 30 && free >= 64MiB || quota_used > 80}. Names:
 * {@code fragmentation} and {@code quota_used} (percent), {@code free}, {@code db_size},
 * {@code in_use} (bytes, with an optional KiB/MiB/GiB unit). An empty rule selects every member.
 * A rule that does not parse is refused with the part that is wrong.
 */
public final class DefragRule {
  private static final Pattern TERM = Pattern.compile(
      "\\s*([a-z_]+)\\s*(>=|<=|>|<)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(KiB|MiB|GiB|B|%)?\\s*");
  private static final List<String> NAMES =
      List.of("fragmentation", "quota_used", "free", "db_size", "in_use");

  private final String text;
  private final List<List<Comparison>> anyOf;

  private DefragRule(String text, List<List<Comparison>> anyOf) {
    this.text = text;
    this.anyOf = anyOf;
  }

  /** Every member. */
  public static DefragRule all() {
    return new DefragRule("", List.of());
  }

  /** The rule {@code text}; refused with one line naming the bad part. */
  public static DefragRule parse(String text) {
    return parse(text, "--rule");
  }

  /** As {@link #parse(String)}, the refusal starting with {@code field} (a flag or a key). */
  public static DefragRule parse(String text, String field) {
    List<List<Comparison>> anyOf = new ArrayList<>();
    for (String alternative : text.split("\\|\\|", -1)) {
      List<Comparison> allOf = new ArrayList<>();
      for (String term : alternative.split("&&", -1)) {
        allOf.add(comparison(term, text, field));
      }
      anyOf.add(allOf);
    }
    return new DefragRule(text.trim(), anyOf);
  }

  /** The rule {@code --min-fragmentation PCT} and {@code --min-free SIZE} make together. */
  public static DefragRule thresholds(double minFragmentation, String minFree) {
    return parse("fragmentation >= " + minFragmentation + " && free >= " + minFree);
  }

  /** Whether {@code member} qualifies, its sizes measured against {@code quotaBytes}. */
  public boolean selects(MemberReport member, long quotaBytes) {
    return anyOf.isEmpty() || anyOf.stream().anyMatch(
        all -> all.stream().allMatch(c -> c.holds(value(c.name(), member, quotaBytes))));
  }

  /** The rule as given ("every member" when empty). */
  public String describe() {
    return text.isEmpty() ? "every member" : text;
  }

  private static double value(String name, MemberReport m, long quotaBytes) {
    return switch (name) {
      case "fragmentation" -> m.fragmentationPercent();
      case "quota_used" -> m.quotaPercent(quotaBytes);
      case "free" -> m.freeBytes();
      case "db_size" -> m.dbSizeBytes();
      default -> m.dbInUseBytes();
    };
  }

  private static Comparison comparison(String term, String rule, String field) {
    Matcher m = TERM.matcher(term);
    if (!m.matches()) {
      throw WardenException.badInput(field + ": '" + term.trim() + "' in '" + rule.trim()
          + "' is not NAME OP NUMBER (names: " + String.join(", ", NAMES)
          + "; ops: > >= < <=; joined by && and ||)");
    }
    String name = m.group(1);
    if (!NAMES.contains(name)) {
      throw WardenException.badInput(field + ": unknown name '" + name + "' (names: "
          + String.join(", ", NAMES) + ")");
    }
    String unit = m.group(4) == null ? "" : m.group(4);
    boolean percent = name.equals("fragmentation") || name.equals("quota_used");
    if (percent ? !(unit.isEmpty() || unit.equals("%")) : unit.equals("%")) {
      throw WardenException.badInput(field + ": '" + term.trim() + "': " + name + " is "
          + (percent ? "a percentage" : "a size in bytes (B, KiB, MiB, GiB)"));
    }
    double number = Double.parseDouble(m.group(3)) * switch (unit) {
      case "KiB" -> 1024.0;
      case "MiB" -> 1024.0 * 1024;
      case "GiB" -> 1024.0 * 1024 * 1024;
      default -> 1.0;
    };
    return new Comparison(name, m.group(2), number);
  }

  /** One {@code NAME OP NUMBER}. */
  private record Comparison(String name, String op, double number) {
    boolean holds(double value) {
      return switch (op) {
        case ">=" -> value >= number;
        case "<=" -> value <= number;
        case ">" -> value > number;
        default -> value < number;
      };
    }
  }
}
