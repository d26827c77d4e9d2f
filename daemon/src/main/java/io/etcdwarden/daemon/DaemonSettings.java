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
 * {@code maintenance:} section (off unless given).
 */
public record DaemonSettings(EtcdTarget target, BackupSection backup, DaemonSection daemon,
    String instance, Duration misfireThreshold, Duration stopGrace, Clock clock,
    String toolVersion, MaintenanceSection maintenance) {
  /** Quartz's own default. */
  public static final Duration DEFAULT_MISFIRE_THRESHOLD = Duration.ofSeconds(60);
  /** How long SIGTERM lets a running snapshot finish before aborting it. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

  public DaemonSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(maintenance, "maintenance");
  }

  /** Settings without scheduled maintenance. */
  public DaemonSettings(EtcdTarget target, BackupSection backup, DaemonSection daemon,
      String instance, Duration misfireThreshold, Duration stopGrace, Clock clock,
      String toolVersion) {
    this(target, backup, daemon, instance, misfireThreshold, stopGrace, clock, toolVersion,
        MaintenanceSection.defaults());
  }

  /** The same settings running the {@code maintenance:} section's schedule. */
  public DaemonSettings withMaintenance(MaintenanceSection section) {
    return new DaemonSettings(target, backup, daemon, instance, misfireThreshold, stopGrace,
        clock, toolVersion, section);
  }

  /**
   * Settings for a production daemon: this host's {@link #defaultInstance()}, Quartz's misfire
   * threshold, the default stop grace and the system clock; the with... methods change one.
   */
  public static DaemonSettings of(EtcdTarget target, BackupSection backup, DaemonSection daemon,
      String toolVersion) {
    return new DaemonSettings(target, backup, daemon, defaultInstance(),
        DEFAULT_MISFIRE_THRESHOLD, DEFAULT_STOP_GRACE, Clock.systemUTC(), toolVersion);
  }

  public DaemonSettings withInstance(String name) {
    return new DaemonSettings(target, backup, daemon, name, misfireThreshold, stopGrace, clock,
        toolVersion, maintenance);
  }

  public DaemonSettings withMisfireThreshold(Duration threshold) {
    return new DaemonSettings(target, backup, daemon, instance, threshold, stopGrace, clock,
        toolVersion, maintenance);
  }

  public DaemonSettings withStopGrace(Duration grace) {
    return new DaemonSettings(target, backup, daemon, instance, misfireThreshold, grace, clock,
        toolVersion, maintenance);
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
