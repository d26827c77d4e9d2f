package io.etcdwarden.cli;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A client that writes one key every 20 ms through a client over every endpoint, on a thread of
 * its own, until stopped or until its bounds (count, time) run out. It remembers every write the
 * cluster acknowledged and the longest stretch during which writes failed (from the first
 * failing attempt to the next acknowledgement).
 */
final class PacedWriter implements AutoCloseable {
  static final String PREFIX = "upgrade-story/";
  private static final long PERIOD_NANOS = Duration.ofMillis(20).toNanos();

  private final KV kv;
  private final int maxWrites;
  private final long endNanos;
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean stop;
  private volatile long longestGapNanos;
  private volatile int failures;

  PacedWriter(KV kv, int maxWrites, Duration maxTime) {
    this.kv = kv;
    this.maxWrites = maxWrites;
    this.endNanos = System.nanoTime() + maxTime.toNanos();
    this.thread = new Thread(this::run, "paced-writer");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    long start = System.nanoTime();
    long failingSince = -1;
    for (int i = 0; i < maxWrites && !stop && System.nanoTime() < endNanos; i++) {
      LockSupport.parkNanos(start + i * PERIOD_NANOS - System.nanoTime());
      String key = PREFIX + String.format("%06d", i);
      String value = "v" + i;
      long attempt = System.nanoTime();
      try {
        kv.put(bytes(key), bytes(value)).get(2, TimeUnit.SECONDS);
        acknowledged.put(key, value);
        if (failingSince >= 0) {
          longestGapNanos = Math.max(longestGapNanos, System.nanoTime() - failingSince);
          failingSince = -1;
        }
      } catch (Exception e) {
        failures++;
        if (failingSince < 0) {
          failingSince = attempt;
        }
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  Map<String, String> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  Duration longestFailingGap() {
    return Duration.ofNanos(longestGapNanos);
  }

  int failures() {
    return failures;
  }

  static ByteSequence bytes(String text) {
    return ByteSequence.from(text, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(10_000);
  }
}
