package io.etcdwarden.checks;

/**
 * A Nagios service state with its plugin exit code. States combine by severity in the order
 * OK &lt; UNKNOWN &lt; WARNING &lt; CRITICAL, as monitoring-plugins' {@code max_state_alt} does:
 * a check that knows something is wrong outranks one that could not tell.
 */
public enum State {
  OK(0, 0),
  WARNING(1, 2),
  CRITICAL(2, 3),
  UNKNOWN(3, 1);

  private final int exitCode;
  private final int severity;

  State(int exitCode, int severity) {
    this.exitCode = exitCode;
    this.severity = severity;
  }

  /** The plugin exit code Nagios reads: 0, 1, 2 or 3. */
  public int exitCode() {
    return exitCode;
  }

  /** The more severe of this state and {@code other}. */
  public State worst(State other) {
    return other.severity > severity ? other : this;
  }
}
