package io.etcdwarden.installer.install;

import io.etcdwarden.installer.config.ClusterState;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything {@code etcd-warden install} was asked to do for one member, as the operator gave
 * it. {@code release} (an upstream tarball) and {@code etcdBinDir} (a folder with {@code etcd})
 * are alternatives; {@code advertise} and {@code clusterToken} may be null to take the
 * defaults (the host of this member's {@code --initial-cluster} entry; a token derived from the
 * initial cluster).
 *
 * @param metricsPort plain-HTTP {@code /health} and {@code /metrics}, on 127.0.0.1 only
 * @param quotaBackendBytes etcd's {@code quota-backend-bytes}; 0 keeps etcd's default (2 GiB)
 * @param metricsBind the address {@code /health} and {@code /metrics} listen on instead of
 *     127.0.0.1 (an address of this host, or 0.0.0.0), for a Prometheus on another host; null
 *     keeps loopback
 */
public record InstallRequest(String name, Path dataDir, Path release, String releaseSha256,
    Path etcdBinDir, int port, int managementPort, int metricsPort, String advertise,
    boolean bindAll, String initialCluster, String clusterToken, ClusterState clusterState,
    Path caDir, String serviceMode, Path prefix, Duration startTimeout, long quotaBackendBytes,
    String metricsBind) {

  /** With metrics on loopback only. */
  public InstallRequest(String name, Path dataDir, Path release, String releaseSha256,
      Path etcdBinDir, int port, int managementPort, int metricsPort, String advertise,
      boolean bindAll, String initialCluster, String clusterToken, ClusterState clusterState,
      Path caDir, String serviceMode, Path prefix, Duration startTimeout,
      long quotaBackendBytes) {
    this(name, dataDir, release, releaseSha256, etcdBinDir, port, managementPort, metricsPort,
        advertise, bindAll, initialCluster, clusterToken, clusterState, caDir, serviceMode,
        prefix, startTimeout, quotaBackendBytes, null);
  }
}
