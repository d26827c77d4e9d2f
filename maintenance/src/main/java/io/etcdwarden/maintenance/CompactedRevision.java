package io.etcdwarden.maintenance;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdException;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The oldest revision etcd still answers for, found by bisection: a read at a compacted revision
 * fails with OUT_OF_RANGE, any later one succeeds. etcd's API has no direct call for it; about
 * log2(revision) small reads suffice, and they work while writes are rejected.
 */
final class CompactedRevision {
  private static final ByteSequence PROBE =
      ByteSequence.from("/etcd-warden/", StandardCharsets.UTF_8);

  private CompactedRevision() {}

  /** The compacted revision (1 when nothing was compacted) of a cluster at {@code current}. */
  static long find(KV kv, EtcdTarget target, long current) {
    long low = 1;
    long high = current;
    if (readable(kv, target, low)) {
      return 1;
    }
    while (high - low > 1) { // low unreadable, high readable
      long mid = low + (high - low) / 2;
      if (readable(kv, target, mid)) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  private static boolean readable(KV kv, EtcdTarget target, long revision) {
    GetOption at = GetOption.builder().withRevision(revision).withLimit(1).withKeysOnly(true)
        .build(); // linearizable: a lagging member would call a recent revision "future"
    try {
      kv.get(PROBE, at).get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      boolean outOfRange = e.getCause() instanceof EtcdException ee
          ? ee.getErrorCode() == ErrorCode.OUT_OF_RANGE
          : Status.fromThrowable(e.getCause()).getCode() == Status.Code.OUT_OF_RANGE;
      if (outOfRange) {
        return false;
      }
      throw new WardenException("reading revision " + revision + " failed: "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw WardenException.retryable("reading revision " + revision + " timed out after "
          + target.timeout().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted", e);
    }
  }
}
