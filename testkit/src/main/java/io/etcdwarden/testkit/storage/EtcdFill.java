package io.etcdwarden.testkit.storage;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Fills an etcd cluster with incompressible values so that a snapshot has a known minimum size;
 * values are 256 KiB, far below etcd's request limit, and written a few at a time. A put that
 * runs out of the client's per-call deadline (a loaded CI machine, the first TLS connection) is
 * written again, same key and value, until a minute has passed: a put is idempotent here.
 */
public final class EtcdFill {
  private static final int VALUE_BYTES = 256 << 10;
  private static final int IN_FLIGHT = 8;
  private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(60);

  private EtcdFill() {}

  /** Writes at least {@code bytes} of values under {@code /fill/}. */
  public static void fill(Client client, long bytes) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    long count = (bytes + VALUE_BYTES - 1) / VALUE_BYTES;
    long deadline = System.nanoTime() + RETRY_NANOS;
    List<ByteSequence[]> batch = new ArrayList<>(IN_FLIGHT);
    for (long i = 0; i < count; i++) {
      byte[] value = new byte[VALUE_BYTES];
      random.nextBytes(value);
      batch.add(new ByteSequence[] {
          ByteSequence.from("/fill/" + i, StandardCharsets.UTF_8), ByteSequence.from(value)});
      if (batch.size() == IN_FLIGHT || i == count - 1) {
        put(client, batch, deadline);
        batch.clear();
      }
    }
  }

  private static void put(Client client, List<ByteSequence[]> entries, long deadline)
      throws Exception {
    List<ByteSequence[]> pending = new ArrayList<>(entries);
    while (!pending.isEmpty()) {
      List<CompletableFuture<?>> puts = new ArrayList<>();
      for (ByteSequence[] entry : pending) {
        puts.add(client.getKVClient().put(entry[0], entry[1]));
      }
      List<ByteSequence[]> failed = new ArrayList<>();
      for (int k = 0; k < puts.size(); k++) {
        try {
          puts.get(k).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          Status.Code code = Status.fromThrowable(e.getCause()).getCode();
          boolean retry = code == Status.Code.DEADLINE_EXCEEDED
              || code == Status.Code.UNAVAILABLE;
          if (!retry || System.nanoTime() > deadline) {
            throw e;
          }
          failed.add(pending.get(k));
        }
      }
      pending = failed;
    }
  }
}
