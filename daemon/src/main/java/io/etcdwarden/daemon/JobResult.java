package io.etcdwarden.daemon;

/**
 * How one job run ended, and one line saying what it did; {@code state} is the verdict a
 * repeating job reports (the cluster check's OK, WARNING...), empty for jobs without one. A run
 * whose state equals the previous run's is logged at debug level, so a healthy cluster gives
 * one log line per change of state, not one per interval.
 */
record JobResult(JobHistory.Outcome outcome, String line, String state) {
  JobResult(JobHistory.Outcome outcome, String line) {
    this(outcome, line, "");
  }
}
