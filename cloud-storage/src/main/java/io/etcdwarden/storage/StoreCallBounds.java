package io.etcdwarden.storage;

import java.time.Duration;

/**
 * How long one call to an object store may take: the connect timeout, the read timeout (the
 * longest silence while waiting for the store's answer or its next bytes) and the number of
 * attempts. A store that accepts connections and never answers then fails a call within about
 * {@code attempts * (connect + read)} instead of hanging for the SDK's defaults; {@link #within}
 * fits that into a plugin's {@code -t}.
 */
public record StoreCallBounds(Duration connect, Duration read, int attempts) {
  private static final Duration SHORTEST = Duration.ofMillis(100);
  /** For commands without a deadline of their own: snapshot, snapshots, restore, the daemon. */
  public static final StoreCallBounds DEFAULT = new StoreCallBounds(Duration.ofSeconds(5),
      Duration.ofSeconds(20), 3);

  public StoreCallBounds {
    if (connect.compareTo(SHORTEST) < 0 || read.compareTo(SHORTEST) < 0 || attempts < 1) {
      throw new IllegalArgumentException("store call bounds too small: " + connect + ", "
          + read + ", " + attempts + " attempts");
    }
  }

  /** Two attempts whose connects and reads together fit in {@code budget}. */
  public static StoreCallBounds within(Duration budget) {
    Duration each = budget.dividedBy(4);
    if (each.compareTo(SHORTEST) < 0) {
      each = SHORTEST;
    }
    Duration connect = each.compareTo(DEFAULT.connect) < 0 ? each : DEFAULT.connect;
    Duration read = each.compareTo(DEFAULT.read) < 0 ? each : DEFAULT.read;
    return new StoreCallBounds(connect, read, 2);
  }

  /** The longest one call can take, every attempt timing out. */
  public Duration worstCase() {
    return connect.plus(read).multipliedBy(attempts);
  }
}
