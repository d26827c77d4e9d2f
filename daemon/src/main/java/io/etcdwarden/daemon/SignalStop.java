package io.etcdwarden.daemon;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. Handling the signals (instead of a shutdown hook) lets the
 * daemon stop its jobs on the main thread and exit 0, as systemd expects of a clean stop; a
 * JVM stopped through its hooks would exit 143.
 */
public final class SignalStop {
  private final CountDownLatch stop = new CountDownLatch(1);

  public SignalStop() {
    Signal.handle(new Signal("TERM"), s -> stop.countDown());
    Signal.handle(new Signal("INT"), s -> stop.countDown());
  }

  /** Blocks until a stop signal arrives (or the thread is interrupted). */
  public void await() {
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
