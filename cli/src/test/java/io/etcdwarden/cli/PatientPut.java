package io.etcdwarden.cli;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A put written again (same key and value) while the client's short per-call deadline runs out
 * or the member is not reachable yet, for up to a minute: on a loaded machine the first TLS
 * connection alone can outlast the deadline (as testkit's EtcdFill does for its batches).
 */
final class PatientPut {
  private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(60);

  private PatientPut() {}

  static void put(KV kv, String key, String value) throws Exception {
    long deadline = System.nanoTime() + RETRY_NANOS;
    ByteSequence k = ByteSequence.from(key, StandardCharsets.UTF_8);
    ByteSequence v = ByteSequence.from(value, StandardCharsets.UTF_8);
    while (true) {
      try {
        kv.put(k, v).get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        Status.Code code = Status.fromThrowable(e.getCause()).getCode();
        if (code != Status.Code.DEADLINE_EXCEEDED && code != Status.Code.UNAVAILABLE
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }
}
