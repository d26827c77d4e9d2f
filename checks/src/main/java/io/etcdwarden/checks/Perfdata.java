package io.etcdwarden.checks;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One performance data item in the monitoring-plugins format
 * {@code 'label'=value[UOM];[warn];[crit];[min];[max]}, with trailing empty fields left out.
 * Units are the guidelines' own: none, {@code s}, {@code %}, {@code B}, {@code c} (counter).
 */
public record Perfdata(String label, double value, String unit, Thresholds thresholds,
    Optional<Double> min, Optional<Double> max) {

  /** A value with no thresholds and no bounds. */
  public static Perfdata of(String label, double value, String unit) {
    return new Perfdata(label, value, unit, Thresholds.none(), Optional.empty(), Optional.empty());
  }

  /** The same item with thresholds. */
  public Perfdata with(Thresholds newThresholds) {
    return new Perfdata(label, value, unit, newThresholds, min, max);
  }

  /** The same item with a minimum and a maximum. */
  public Perfdata bounded(double newMin, double newMax) {
    return new Perfdata(label, value, unit, thresholds, Optional.of(newMin), Optional.of(newMax));
  }

  /** The same item with only a minimum. */
  public Perfdata bounded(double newMin) {
    return new Perfdata(label, value, unit, thresholds, Optional.of(newMin), Optional.empty());
  }

  /** The text Nagios parses, e.g. {@code 'db_used_pct'=12.5%;80;95}. */
  public String render() {
    String[] fields = {
        number(value) + unit,
        thresholds.warning().map(Range::text).orElse(""),
        thresholds.critical().map(Range::text).orElse(""),
        min.map(Perfdata::number).orElse(""),
        max.map(Perfdata::number).orElse("")};
    int last = fields.length - 1;
    while (last > 0 && fields[last].isEmpty()) {
      last--;
    }
    StringBuilder text = new StringBuilder("'").append(label).append("'=");
    for (int i = 0; i <= last; i++) {
      text.append(i == 0 ? "" : ";").append(fields[i]);
    }
    return text.toString();
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }
}
