package io.etcdwarden.maintenance;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * etcd's NOSPACE runbook in one run: compact history to the current revision, defragment every
 * member in turn (the rolling, leader-last way, with the alarm still raised), disarm the alarm
 * once the DB is below its quota again, then prove a write works by writing and deleting a key
 * under {@code /etcd-warden/}; prints the sizes before and after.
 */
public final class NospaceRecovery {
  static final String PROBE_KEY = "/etcd-warden/maintenance/write-probe";
  private final EtcdClients clients;

  public NospaceRecovery(EtcdClients clients) {
    this.clients = clients;
  }

  /** Recovers; {@code progress} gets each line as it happens. Returns false when nothing to do. */
  public boolean recover(long quotaBytes, Duration pause, Consumer<String> progress) {
    ClusterReader reader = new ClusterReader(clients);
    ClusterReading before = reader.read(quotaBytes);
    if (!before.alarmError().isEmpty()) {
      throw new WardenException("recover nospace refused: " + before.alarmError());
    }
    if (before.alarms().stream().noneMatch(a -> a.type().equals("NOSPACE"))) {
      progress.accept("recover nospace: no NOSPACE alarm is active; nothing done");
      return false;
    }
    before.members().forEach(m -> progress.accept(Sizes.line("before " + m.displayName(), m,
        quotaBytes)));
    progress.accept(new Compactor(clients).compact(CompactRequest.toCurrent(true)));
    new RollingDefrag(clients).run(DefragRequest.everyMember(quotaBytes, pause, true), progress);
    new AlarmDesk(clients).disarm(quotaBytes).forEach(progress);
    proveWrite();
    progress.accept("a write and delete of " + PROBE_KEY + " succeeded");
    reader.read(quotaBytes).members().forEach(m -> progress.accept(Sizes.line(
        "after " + m.displayName(), m, quotaBytes)));
    return true;
  }

  private void proveWrite() {
    KV kv = clients.cluster().getKVClient();
    ByteSequence key = ByteSequence.from(PROBE_KEY, StandardCharsets.UTF_8);
    try {
      Calls.await(kv.put(key, ByteSequence.from("ok", StandardCharsets.UTF_8)),
          clients.target(), "probe write");
      Calls.await(kv.delete(key), clients.target(), "probe delete");
    } catch (WardenException e) {
      throw new WardenException("recover nospace: the alarm is disarmed but a write still fails: "
          + e.getMessage(), e);
    }
  }
}
