package io.etcdwarden.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polling until a deadline, for tests that wait for something a real process does in its own
 * time (a daemon's first run, a member's health, a file appearing). The condition is asked
 * again every {@link #DEFAULT_INTERVAL} (or the interval given to {@link #every}); an exception
 * it throws counts as "not yet", an {@link Error} (a failed assertion: the awaited process died)
 * ends the wait at once. When the deadline passes the wait fails loudly: an {@link
 * AssertionError} that names what was awaited, how long, and the last value or exception seen,
 * so a test never carries on as if the thing had happened.
 */
public final class Await {
  /** How long {@link #until} pauses between two looks. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

  private final Duration interval;

  private Await(Duration interval) {
    this.interval = interval;
  }

  /** A wait that looks every {@code interval} instead of every {@link #DEFAULT_INTERVAL}. */
  public static Await every(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive: " + interval);
    }
    return new Await(interval);
  }

  /** Waits until {@code condition} is true; fails with {@code what} after {@code deadline}. */
  public static void until(Duration deadline, String what, Callable<Boolean> condition) {
    every(DEFAULT_INTERVAL).await(deadline, what, condition);
  }

  /**
   * Waits until {@code probe} returns a value {@code done} accepts and returns that value;
   * fails with {@code what} and the last value seen after {@code deadline}.
   */
  public static <T> T until(Duration deadline, String what, Callable<T> probe,
      Predicate<? super T> done) {
    return every(DEFAULT_INTERVAL).await(deadline, what, probe, done);
  }

  /** {@link #until(Duration, String, Callable)} at this wait's interval. */
  public void await(Duration deadline, String what, Callable<Boolean> condition) {
    await(deadline, what, condition, Boolean.TRUE::equals);
  }

  /** {@link #until(Duration, String, Callable, Predicate)} at this wait's interval. */
  public <T> T await(Duration deadline, String what, Callable<T> probe,
      Predicate<? super T> done) {
    // Monotonic time: a wall clock stepped meanwhile must not stretch or cut the wait.
    long end = System.nanoTime() + deadline.toNanos();
    Object last = "nothing (never asked)";
    Exception failure = null;
    while (true) {
      try {
        T value = probe.call();
        if (done.test(value)) {
          return value;
        }
        last = value;
        failure = null;
      } catch (Exception e) {
        failure = e;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw timedOut(deadline, what, last, failure);
      }
      pause(Math.min(left, interval.toNanos()), what);
    }
  }

  private static AssertionError timedOut(Duration deadline, String what, Object last,
      Exception failure) {
    String seen = failure != null ? "last attempt threw " + failure : "last value: " + last;
    AssertionError error = new AssertionError(
        "gave up after " + deadline.toMillis() + " ms waiting for " + what + "; " + seen);
    if (failure != null) {
      error.initCause(failure);
    }
    return error;
  }

  private static void pause(long nanos, String what) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    }
  }
}
