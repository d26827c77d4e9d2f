package io.etcdwarden.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code daemon:} section of {@code warden.yaml}: how often the daemon checks the cluster,
 * where it answers on loopback (the warm path for {@code check_etcd_cluster}, {@code status}
 * and {@code /metrics}), how long its snapshot lock outlives it, and where it keeps local state.
 * The snapshot schedule and retention stay in {@code backup:}, which the one-off commands share.
 *
 * @param healthInterval how often the {@code health} job surveys the cluster
 * @param listenHost the address the HTTP endpoint binds; loopback unless the operator says so
 * @param listenPort its port; 0 picks a free one (tests)
 * @param lockTtl the lease TTL of the cluster-wide snapshot lock: a dead daemon's lock expires
 *     this long after its last keep-alive
 * @param stateDir local state (spool default, nothing else the cluster needs)
 * @param metricsListen {@code host:port} of a second listener that serves only {@code /metrics},
 *     for a Prometheus on another host (status and plugin runs stay on loopback); empty: none
 */
public record DaemonSection(Duration healthInterval, String listenHost, int listenPort,
    Duration lockTtl, Path stateDir, String metricsListen) {
  public static final String NAME = "daemon";
  public static final String HEALTH_INTERVAL = "health_interval";
  public static final String LISTEN = "listen";
  public static final String LOCK_TTL = "lock_ttl";
  public static final String STATE_DIR = "state_dir";
  public static final String METRICS_LISTEN = "metrics_listen";
  public static final List<String> KEYS = List.of(HEALTH_INTERVAL, LISTEN, LOCK_TTL, STATE_DIR,
      METRICS_LISTEN);

  public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(60);
  public static final String DEFAULT_LISTEN_HOST = "127.0.0.1";
  /** Beside etcd's 2379/2380 and not a port any common service claims. */
  public static final int DEFAULT_LISTEN_PORT = 2389;
  public static final Duration DEFAULT_LOCK_TTL = Duration.ofSeconds(20);
  public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/etcd-warden");

  public DaemonSection {
    Objects.requireNonNull(healthInterval, HEALTH_INTERVAL);
    Objects.requireNonNull(listenHost, LISTEN);
    Objects.requireNonNull(lockTtl, LOCK_TTL);
    Objects.requireNonNull(stateDir, STATE_DIR);
    Objects.requireNonNull(metricsListen, METRICS_LISTEN);
  }

  /** Without a separate metrics listener. */
  public DaemonSection(Duration healthInterval, String listenHost, int listenPort,
      Duration lockTtl, Path stateDir) {
    this(healthInterval, listenHost, listenPort, lockTtl, stateDir, "");
  }

  /** The same section with {@code metricsListen} ({@code host:port}, empty for none). */
  public DaemonSection withMetricsListen(String address) {
    return new DaemonSection(healthInterval, listenHost, listenPort, lockTtl, stateDir, address);
  }

  public static DaemonSection defaults() {
    return new DaemonSection(DEFAULT_HEALTH_INTERVAL, DEFAULT_LISTEN_HOST, DEFAULT_LISTEN_PORT,
        DEFAULT_LOCK_TTL, DEFAULT_STATE_DIR);
  }

  /** {@code host:port}, as written in {@code daemon.listen} and shown to the operator. */
  public String listen() {
    return listenHost + ":" + listenPort;
  }
}
