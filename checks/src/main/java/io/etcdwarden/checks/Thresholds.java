package io.etcdwarden.checks;

import java.util.Optional;

/**
 * A warning and a critical {@link Range} for one measured value; either may be absent. The
 * state of a value is CRITICAL when the critical range alerts, else WARNING when the warning
 * range alerts, else OK.
 */
public record Thresholds(Optional<Range> warning, Optional<Range> critical) {

  /** Both thresholds given as range text, as a default in code. */
  public static Thresholds of(String warning, String critical) {
    return new Thresholds(Optional.of(Range.of(warning)), Optional.of(Range.of(critical)));
  }

  /** No thresholds: the value is reported, never alerted on. */
  public static Thresholds none() {
    return new Thresholds(Optional.empty(), Optional.empty());
  }

  public State stateOf(double value) {
    if (critical.map(r -> r.alerts(value)).orElse(false)) {
      return State.CRITICAL;
    }
    return warning.map(r -> r.alerts(value)).orElse(false) ? State.WARNING : State.OK;
  }
}
