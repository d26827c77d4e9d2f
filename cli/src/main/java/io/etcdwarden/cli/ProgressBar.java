package io.etcdwarden.cli;

import io.etcdwarden.backup.SnapshotProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on stderr while etcd streams its snapshot: bytes, rate and ETA,
 * redrawn at most four times a second. Only used when stderr is a terminal.
 */
final class ProgressBar implements SnapshotProgress {
  private static final long REDRAW_NANOS = 250_000_000L;
  private static final double MIB = 1 << 20;

  private final PrintWriter err;
  private final long started = System.nanoTime();
  private long lastDrawn;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void update(long received, long expected) {
    long now = System.nanoTime();
    if (now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    double rate = received / seconds;
    long eta = rate > 0 && expected > received ? Math.round((expected - received) / rate) : 0;
    err.printf(Locale.ROOT, "\rsnapshot %8.1f / %.1f MiB  %6.1f MiB/s  ETA %ds ",
        received / MIB, expected / MIB, rate / MIB, eta);
    err.flush();
  }

  /** Ends the line so the next message starts clean. */
  synchronized void finish() {
    if (lastDrawn != 0) {
      err.println();
      err.flush();
    }
  }
}
