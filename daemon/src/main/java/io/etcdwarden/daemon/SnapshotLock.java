package io.etcdwarden.daemon;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.support.CloseableClient;
import io.etcdwarden.core.WardenException;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster-wide snapshot lock: an etcd lock ({@link #NAME}) held under a lease that a
 * keep-alive stream renews while the snapshot runs, so a daemon that dies stops renewing and its
 * lock expires one TTL later. The lock alone is not enough: a daemon that was waiting for the
 * same tick gets the lock once the first has finished, so the holder also reads and claims the
 * tick in {@link #LAST_TICK} (compare-and-set on its revision, and only while the lock key still
 * exists) and skips a tick already claimed. Scheduled maintenance runs the same way under
 * {@link LockKeys} of its own.
 */
final class SnapshotLock implements AutoCloseable {
  static final String NAME = "/etcd-warden/locks/snapshot";
  static final String LAST_TICK = "/etcd-warden/snapshot/last-tick";
  /** Who is taking a snapshot now; under the lease, so it vanishes with a dead holder. */
  static final String RUNNING = "/etcd-warden/snapshot/running";

  private final LockKeys keys;

  private final Client client;
  private final long leaseId;
  private final CloseableClient keepAlive;
  private final ByteSequence lockKey;
  private final Duration callTimeout;

  private SnapshotLock(LockKeys keys, Client client, long leaseId, CloseableClient keepAlive,
      ByteSequence lockKey, Duration callTimeout) {
    this.keys = keys;
    this.client = client;
    this.leaseId = leaseId;
    this.keepAlive = keepAlive;
    this.lockKey = lockKey;
    this.callTimeout = callTimeout;
  }

  /**
   * Takes the lock named by {@code keys}, waiting at most {@code wait} for another holder (through {@code waiting},
   * a client whose call deadline is that long); empty when the wait ran out.
   */
  static Optional<SnapshotLock> acquire(LockKeys keys, Client client, Client waiting, Duration ttl,
      Duration wait, Duration callTimeout) {
    long lease = get(client.getLeaseClient().grant(Math.max(2, ttl.toSeconds())), callTimeout,
        "grant a lease for the snapshot lock").getID();
    CloseableClient keepAlive = client.getLeaseClient().keepAlive(lease, new Quiet());
    try {
      CompletableFuture<io.etcd.jetcd.lock.LockResponse> locking =
          waiting.getLockClient().lock(bytes(keys.lock()), lease);
      try {
        ByteSequence key = locking.get(wait.toMillis(), TimeUnit.MILLISECONDS).getKey();
        return Optional.of(new SnapshotLock(keys, client, lease, keepAlive, key, callTimeout));
      } catch (TimeoutException e) {
        locking.cancel(true);
        release(client, keepAlive, lease, callTimeout);
        return Optional.empty();
      }
    } catch (ExecutionException e) {
      release(client, keepAlive, lease, callTimeout);
      if (isDeadline(e.getCause())) {
        return Optional.empty();
      }
      throw new WardenException("cannot take the lock " + keys.lock() + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      release(client, keepAlive, lease, callTimeout);
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while waiting for the snapshot lock", e);
    }
  }

  /** The last tick any daemon served, with the key's revision for {@link #claim}. */
  record Served(Optional<Instant> tick, long modRevision) {}

  Served lastTick() {
    List<KeyValue> kvs = get(client.getKVClient().get(bytes(keys.lastTick())), callTimeout,
        "read " + keys.lastTick()).getKvs();
    if (kvs.isEmpty()) {
      return new Served(Optional.empty(), 0);
    }
    String text = kvs.get(0).getValue().toString(StandardCharsets.UTF_8);
    Optional<Instant> tick;
    try {
      tick = Optional.of(Instant.parse(text));
    } catch (RuntimeException e) {
      tick = Optional.empty(); // not ours to judge; claiming overwrites it
    }
    return new Served(tick, kvs.get(0).getModRevision());
  }

  /** Says who is running the snapshot, under the lease. */
  void markRunning(String instance) {
    get(client.getKVClient().put(bytes(keys.running()), bytes(instance),
        PutOption.builder().withLeaseId(leaseId).build()), callTimeout, "write " + keys.running());
  }

  /**
   * Records {@code tick} as served and {@code lastRun} (a {@code LastRun} record) in one
   * transaction, only if the lock is still ours and nobody claimed a tick since {@code seen}.
   */
  boolean claim(Instant tick, Served seen, byte[] lastRun) {
    TxnResponse txn = get(client.getKVClient().txn()
        .If(new Cmp(lockKey, Cmp.Op.GREATER, CmpTarget.version(0)),
            new Cmp(bytes(keys.lastTick()), Cmp.Op.EQUAL, CmpTarget.modRevision(seen.modRevision())))
        .Then(Op.put(bytes(keys.lastTick()), bytes(tick.toString()), PutOption.DEFAULT),
            Op.put(bytes(keys.record()),
                ByteSequence.from(lastRun), PutOption.DEFAULT))
        .commit(), callTimeout, "record the served tick");
    return txn.isSucceeded();
  }

  /** Records a failed run, only while the lock is ours; the tick stays open for another. */
  void recordFailure(byte[] lastRun) {
    get(client.getKVClient().txn()
        .If(new Cmp(lockKey, Cmp.Op.GREATER, CmpTarget.version(0)))
        .Then(Op.put(bytes(keys.record()),
            ByteSequence.from(lastRun), PutOption.DEFAULT))
        .commit(), callTimeout, "record the failed run");
  }

  /** Unlocks and revokes the lease (which also deletes {@link #RUNNING}). */
  @Override
  public void close() {
    try {
      get(client.getLockClient().unlock(lockKey), callTimeout, "unlock " + keys.lock());
    } catch (WardenException e) {
      // the lease revocation below releases the lock as well
    }
    release(client, keepAlive, leaseId, callTimeout);
  }

  private static void release(Client client, CloseableClient keepAlive, long lease,
      Duration callTimeout) {
    keepAlive.close();
    try {
      get(client.getLeaseClient().revoke(lease), callTimeout, "revoke the lock's lease");
    } catch (WardenException e) {
      // it expires on its own one TTL later
    }
  }

  private static boolean isDeadline(Throwable t) {
    return t instanceof io.grpc.StatusRuntimeException s
        && s.getStatus().getCode() == io.grpc.Status.Code.DEADLINE_EXCEEDED
        || t != null && String.valueOf(t.getMessage()).contains("DEADLINE_EXCEEDED");
  }

  private static <T> T get(CompletableFuture<T> call, Duration timeout, String what) {
    try {
      return call.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw WardenException.retryable("cannot " + what + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      call.cancel(true);
      throw WardenException.retryable("cannot " + what + ": no answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted: " + what, e);
    }
  }

  static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }

  /** Keep-alive answers need no action; a failed stream shows as an expired lock. */
  private static final class Quiet implements StreamObserver<LeaseKeepAliveResponse> {
    @Override
    public void onNext(LeaseKeepAliveResponse value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
