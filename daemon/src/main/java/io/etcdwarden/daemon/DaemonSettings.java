package io.etcdwarden.daemon;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.core.config.MaintenanceSection;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one daemon runs with, resolved once by the CLI: the cluster, the {@code backup:}
 * and {@code daemon:} sections, a name for this daemon in records and logs ({@code host/pid} by
 * default), how late a run may start before Quartz counts it as missed, the clock, and the
 * {@code maintenance:} section (off unless given) with the quota its rule judges sizes against.
 */
public record DaemonSettings(EtcdTarget target, BackupSection backup, DaemonSection daemon,
    String instance, Duration misfireThreshold, Duration stopGrace, Clock clock,
    String toolVersion, MaintenanceSection maintenance, long maintenanceQuotaBytes) {
  /** Quartz's own default. */
  public static final Duration DEFAULT_MISFIRE_THRESHOLD = Duration.ofSeconds(60);
  /** How long SIGTERM lets a running snapshot finish before aborting it. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);
  /** etcd's quota when {@code quota-backend-bytes} is absent or 0: 2 GiB. */
  public static final long ETCD_DEFAULT_QUOTA_BYTES = 2L * 1024 * 1024 * 1024;

  public DaemonSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(maintenance, "maintenance");
    if (maintenanceQuotaBytes <= 0) {
      throw new IllegalArgumentException("maintenanceQuotaBytes must be positive");
    }
  }

  /**
   * Settings for a production daemon: this host's {@link #defaultInstance()}, Quartz's misfire
   * threshold, the default stop grace, the system clock and no scheduled maintenance; the
   * with... methods change one each, so that no caller spells out the ten components.
   */
  public static DaemonSettings of(EtcdTarget target, BackupSection backup, DaemonSection daemon,
      String toolVersion) {
    return new DaemonSettings(target, backup, daemon, defaultInstance(),
        DEFAULT_MISFIRE_THRESHOLD, DEFAULT_STOP_GRACE, Clock.systemUTC(), toolVersion,
        MaintenanceSection.defaults(), ETCD_DEFAULT_QUOTA_BYTES);
  }

  /**
   * The same settings running the {@code maintenance:} section's schedule, judging sizes against
   * etcd's default quota.
   */
  public DaemonSettings withMaintenance(MaintenanceSection section) {
    return withMaintenance(section, ETCD_DEFAULT_QUOTA_BYTES);
  }

  /**
   * As {@link #withMaintenance(MaintenanceSection)}, judging sizes against {@code quotaBytes},
   * the member's own {@code quota-backend-bytes} (read by the caller from
   * {@code maintenance.etcd_config}).
   */
  public DaemonSettings withMaintenance(MaintenanceSection section, long quotaBytes) {
    return new DaemonSettings(target, backup, daemon, instance, misfireThreshold, stopGrace,
        clock, toolVersion, section, quotaBytes);
  }

  /** The same settings with another {@code daemon:} section (listen address, state folder...). */
  public DaemonSettings withDaemon(DaemonSection section) {
    return new DaemonSettings(target, backup, section, instance, misfireThreshold, stopGrace,
        clock, toolVersion, maintenance, maintenanceQuotaBytes);
  }

  public DaemonSettings withInstance(String name) {
    return new DaemonSettings(target, backup, daemon, name, misfireThreshold, stopGrace, clock,
        toolVersion, maintenance, maintenanceQuotaBytes);
  }

  public DaemonSettings withMisfireThreshold(Duration threshold) {
    return new DaemonSettings(target, backup, daemon, instance, threshold, stopGrace, clock,
        toolVersion, maintenance, maintenanceQuotaBytes);
  }

  public DaemonSettings withStopGrace(Duration grace) {
    return new DaemonSettings(target, backup, daemon, instance, misfireThreshold, grace, clock,
        toolVersion, maintenance, maintenanceQuotaBytes);
  }

  public DaemonSettings withToolVersion(String version) {
    return new DaemonSettings(target, backup, daemon, instance, misfireThreshold, stopGrace,
        clock, version, maintenance, maintenanceQuotaBytes);
  }

  /** This host's name and this process's id: unique among the daemons of one cluster. */
  public static String defaultInstance() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "/" + ProcessHandle.current().pid();
  }
}
