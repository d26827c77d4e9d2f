package io.etcdwarden.maintenance;

import io.etcd.jetcd.maintenance.AlarmMember;
import io.etcd.jetcd.maintenance.AlarmType;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import java.util.List;
import java.util.Locale;

/**
 * Lists and disarms etcd's alarms. Disarming a NOSPACE alarm while a member's DB is still at
 * its quota would only have etcd raise it again on the next write, so it is refused with the
 * numbers and the command that treats the cause; a CORRUPT alarm is never disarmed here.
 */
public final class AlarmDesk {
  /** A DB this close to its quota (in percent) still counts as full. */
  static final double FULL_PERCENT = 95.0;
  private final EtcdClients clients;
  private final ClusterReader reader;

  public AlarmDesk(EtcdClients clients) {
    this.clients = clients;
    this.reader = new ClusterReader(clients);
  }

  /** The alarms etcd holds now. */
  public List<AlarmEntry> list() {
    ClusterReading reading = reader.read(1);
    if (!reading.alarmError().isEmpty()) {
      throw new WardenException(reading.alarmError());
    }
    return reading.alarms();
  }

  /** Disarms every NOSPACE alarm once no member's DB is near {@code quotaBytes}. */
  public List<String> disarm(long quotaBytes) {
    ClusterReading reading = reader.read(quotaBytes);
    if (!reading.alarmError().isEmpty()) {
      throw new WardenException(reading.alarmError());
    }
    if (reading.alarms().stream().anyMatch(a -> a.type().equals("CORRUPT"))) {
      throw new WardenException("alarm disarm refused: a CORRUPT alarm is active; restore the"
          + " member from an archive (etcd-warden restore) instead");
    }
    for (MemberReport m : reading.members()) {
      if (m.reachable() && m.quotaPercent(quotaBytes) >= FULL_PERCENT) {
        throw new WardenException(String.format(Locale.ROOT, "alarm disarm refused: %s's DB is"
            + " %s, %.1f%% of its quota %s (refused from %.0f%%); run 'etcd-warden recover"
            + " nospace' (compact + defrag) first", m.displayName(), Sizes.human(m.dbSizeBytes()),
            m.quotaPercent(quotaBytes), Sizes.human(quotaBytes), FULL_PERCENT));
      }
    }
    for (AlarmEntry alarm : reading.alarms()) {
      Calls.await(clients.cluster().getMaintenanceClient().alarmDisarm(new AlarmMember(
          Long.parseUnsignedLong(alarm.memberId(), 16), AlarmType.NOSPACE)), clients.target(),
          "alarm disarm");
    }
    return reading.alarms().stream().map(a -> "disarmed " + a.describe()).toList();
  }
}
