package io.etcdwarden.cli;

import io.etcdwarden.core.config.Durations;
import io.etcdwarden.installer.config.AutoCompaction;
import io.etcdwarden.installer.config.ClusterState;
import io.etcdwarden.installer.install.InstallRequest;
import io.etcdwarden.installer.process.EtcdBinary;
import io.etcdwarden.plugins.options.Environment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags that describe how one member is installed on this host, shared by {@code install}
 * and {@code member add}: binaries, ports, addresses, CA, service mode and start-up wait.
 */
final class MemberInstallOptions {
  @Option(names = "--release", paramLabel = "TARBALL",
      description = "Upstream etcd-vX.Y.Z-linux-amd64.tar.gz to install the binaries from.")
  Path release;
  @Option(names = "--release-sha256", paramLabel = "HEX", description = "Expected sha256 of --release.")
  String releaseSha256;
  @Option(names = "--etcd-bin", paramLabel = "DIR",
      description = "Folder holding an existing etcd (default: ETCD_BIN or PATH).")
  Path etcdBin;
  @Option(names = "--port", defaultValue = "2379", description = "Client port (default: ${DEFAULT-VALUE}).")
  int port;
  @Option(names = "--management-port", defaultValue = "2380",
      description = "Peer port (default: ${DEFAULT-VALUE}).")
  int managementPort;
  @Option(names = "--metrics-port", defaultValue = "2381",
      description = "Plain-HTTP /health and /metrics on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int metricsPort;
  @Option(names = "--metrics-bind", paramLabel = "HOST",
      description = "Serve /health and /metrics on this address of the host (or 0.0.0.0)"
          + " instead of 127.0.0.1, for a Prometheus on another host.")
  String metricsBind;
  @Option(names = "--advertise", paramLabel = "HOST",
      description = "Address clients and peers use to reach this member.")
  String advertise;
  @Option(names = "--bind-all", description = "Listen on every interface (0.0.0.0).")
  boolean bindAll;
  @Option(names = "--ca", paramLabel = "DIR", defaultValue = "/etc/etcd-warden/ca",
      description = "CA folder (ca.crt, ca.key) (default: ${DEFAULT-VALUE}).")
  Path ca;
  @Option(names = "--service", paramLabel = "process|systemd",
      description = "How etcd runs (default: systemd where it runs, else process).")
  String service;
  @Option(names = "--prefix", paramLabel = "DIR", defaultValue = "/opt/etcd-warden",
      description = "Where --release is unpacked, with a 'current' link (default: ${DEFAULT-VALUE}).")
  Path prefix;
  @Option(names = "--quota-backend-bytes", paramLabel = "BYTES", defaultValue = "0",
      description = "etcd's backend quota; 0 keeps etcd's default of 2 GiB.")
  long quotaBackendBytes;
  @Option(names = "--auto-compaction-retention", paramLabel = "DURATION",
      defaultValue = AutoCompaction.DEFAULT_RETENTION,
      description = "etcd's periodic history compaction: keep this much history, e.g. 4h;"
          + " 0 or off to leave compaction to someone else (default: ${DEFAULT-VALUE}).")
  String autoCompactionRetention;
  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s",
      description = "How long to wait for the member to start (default: ${DEFAULT-VALUE}).")
  String wait;

  /** The request for member {@code name} in {@code dataDir}. */
  InstallRequest request(String name, Path dataDir, String initialCluster, String token,
      ClusterState state, Environment env) {
    Path binDir = etcdBin;
    if (binDir == null && release == null) {
      binDir = EtcdBinary.locate(env.variables()).getParent();
    }
    return new InstallRequest(name, dataDir, release, releaseSha256, binDir, port,
        managementPort, metricsPort, advertise, bindAll, initialCluster, token, state, ca,
        service, prefix, Durations.parse(wait, "--wait"), quotaBackendBytes, metricsBind,
        AutoCompaction.retention(autoCompactionRetention, "--auto-compaction-retention"));
  }
}
