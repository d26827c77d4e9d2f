package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Asks etcd again while a question fails for want of an answer, until a deadline: on a loaded
 * host a just-started member's first TLS calls can outlast one call's timeout. The deadline, not
 * the pause between tries, ends the wait; the last failure is the one reported.
 */
final class Patiently {
  private static final long PAUSE_NANOS = Duration.ofMillis(250).toNanos();

  private Patiently() {}

  static <T> T ask(Duration within, Supplier<T> question) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        return question.get();
      } catch (WardenException e) {
        if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LockSupport.parkNanos(PAUSE_NANOS);
      }
    }
  }
}
