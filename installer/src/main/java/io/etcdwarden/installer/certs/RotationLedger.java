package io.etcdwarden.installer.certs;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcdwarden.core.WardenException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A CA rotation's record in etcd, under {@code /etcd-warden/pki/rotation/}: {@code new-ca} (the
 * new CA's serial, written once by {@code prepare}) and {@code member/NAME} (the last phase each
 * member finished). Kept in the cluster so that every host sees the same progress.
 */
final class RotationLedger {
  static final String PREFIX = "/etcd-warden/pki/rotation/";
  private static final String NEW_CA = PREFIX + "new-ca";
  private static final String MEMBER = PREFIX + "member/";

  private final KV kv;
  private final Duration timeout;

  RotationLedger(KV kv, Duration timeout) {
    this.kv = kv;
    this.timeout = timeout;
  }

  /** The serial of the CA being rotated to, when a rotation was prepared. */
  Optional<String> newCa() {
    return call(kv.get(bytes(NEW_CA))).getKvs().stream().findFirst()
        .map(kv -> kv.getValue().toString(StandardCharsets.UTF_8));
  }

  /** The last phase each member finished, by member name. */
  Map<String, RotationPhase> phases() {
    Map<String, RotationPhase> phases = new TreeMap<>();
    for (KeyValue entry : call(kv.get(bytes(MEMBER), GetOption.builder().isPrefix(true).build()))
        .getKvs()) {
      String name = entry.getKey().toString(StandardCharsets.UTF_8).substring(MEMBER.length());
      RotationPhase.of(entry.getValue().toString(StandardCharsets.UTF_8))
          .ifPresent(p -> phases.put(name, p));
    }
    return phases;
  }

  /** Forgets a finished rotation and records a new one, unless another was recorded meanwhile. */
  void start(String newCaSerial) {
    call(kv.delete(bytes(PREFIX), DeleteOption.builder().isPrefix(true).build()));
    Cmp absent = new Cmp(bytes(NEW_CA), Cmp.Op.EQUAL, CmpTarget.version(0));
    boolean won = call(kv.txn().If(absent).Then(Op.put(bytes(NEW_CA), bytes(newCaSerial),
        PutOption.DEFAULT)).commit()).isSucceeded();
    if (!won) {
      throw new WardenException("another 'certs rotate-ca prepare' recorded a rotation at the same"
          + " time; run 'certs rotate-ca status'");
    }
  }

  /** Records that {@code member} finished {@code phase}. */
  void finished(String member, RotationPhase phase) {
    call(kv.put(bytes(MEMBER + member), bytes(phase.word())));
  }

  private <T> T call(CompletableFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      future.cancel(true);
      throw new WardenException("cannot read or write the rotation's record under " + PREFIX
          + " in etcd: " + (e.getCause() != null ? e.getCause().getMessage() : "timed out"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while talking to etcd", e);
    }
  }

  private static ByteSequence bytes(String text) {
    return ByteSequence.from(text, StandardCharsets.UTF_8);
  }
}
