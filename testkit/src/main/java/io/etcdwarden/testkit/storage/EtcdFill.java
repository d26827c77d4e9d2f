package io.etcdwarden.testkit.storage;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fills an etcd cluster with incompressible values so that a snapshot has a known minimum size;
 * values are 256 KiB, far below etcd's request limit, and written a few at a time.
 */
public final class EtcdFill {
  private static final int VALUE_BYTES = 256 << 10;
  private static final int IN_FLIGHT = 8;

  private EtcdFill() {}

  /** Writes at least {@code bytes} of values under {@code /fill/}. */
  public static void fill(Client client, long bytes) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    long count = (bytes + VALUE_BYTES - 1) / VALUE_BYTES;
    CompletableFuture<?>[] batch = new CompletableFuture<?>[IN_FLIGHT];
    for (long i = 0; i < count; i++) {
      byte[] value = new byte[VALUE_BYTES];
      random.nextBytes(value);
      batch[(int) (i % IN_FLIGHT)] = client.getKVClient().put(
          ByteSequence.from("/fill/" + i, StandardCharsets.UTF_8), ByteSequence.from(value));
      if (i % IN_FLIGHT == IN_FLIGHT - 1 || i == count - 1) {
        for (CompletableFuture<?> put : batch) {
          if (put != null) {
            put.get(30, TimeUnit.SECONDS);
          }
        }
        java.util.Arrays.fill(batch, null);
      }
    }
  }
}
