package io.etcdwarden.installer.local;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.process.EtcdProcess;
import io.etcdwarden.installer.service.ProcessServiceManager;
import io.etcdwarden.installer.service.ServiceSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One member of a {@link LocalCluster}: its folder ({@code etcd.yaml}, {@code data/}, {@code
 * tls/}, {@code etcd.log}, {@code etcd.pid}) and its process. The pid file lets a later command
 * (or another JVM) stop a member an earlier one started.
 */
public final class LocalMember {
  /** Each member has its own manager, which remembers the child it launched. */
  private final ProcessServiceManager services = new ProcessServiceManager();
  private final String name;
  private final Path dir;
  private final URI clientUrl;
  private final URI peerUrl;
  private final URI metricsUrl;
  private final Path etcdBinary;

  LocalMember(String name, Path dir, URI clientUrl, URI peerUrl, URI metricsUrl,
      Path etcdBinary) {
    this.name = name;
    this.dir = dir;
    this.clientUrl = clientUrl;
    this.peerUrl = peerUrl;
    this.metricsUrl = metricsUrl;
    this.etcdBinary = etcdBinary;
  }

  public String name() {
    return name;
  }

  public URI clientUrl() {
    return clientUrl;
  }

  public URI peerUrl() {
    return peerUrl;
  }

  /** Plain-HTTP metrics URL; {@code /health} and {@code /metrics} answer without a cert. */
  public URI metricsUrl() {
    return metricsUrl;
  }

  public Path dir() {
    return dir;
  }

  public Path configFile() {
    return dir.resolve("etcd.yaml");
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  public Path logFile() {
    return dir.resolve("etcd.log");
  }

  Path pidFile() {
    return dir.resolve("etcd.pid");
  }

  /** Whether this member's etcd is running (started here or by an earlier command). */
  public synchronized boolean isRunning() {
    return services.isRunning(spec());
  }

  /** Starts etcd unless it already runs; does not wait for health (see {@link #awaitHealthy}). */
  public synchronized void start() {
    services.start(spec());
  }

  /** Waits until the member reports healthy; fails at once, quoting its log, if etcd exits. */
  public void awaitHealthy(Duration timeout) {
    EtcdProcess current;
    synchronized (this) {
      current = services.find(spec()).orElseThrow(() -> new WardenException(
          "member " + name + " is not running; see " + logFile()));
    }
    current.awaitHealthy(metricsUrl.resolve("/health"), timeout);
  }

  /** SIGTERM (a leader hands over leadership), then SIGKILL after a grace period. */
  public synchronized void stop() {
    services.remove(spec());
  }

  /** SIGKILL, as a crash or a power cut would: for failover tests. */
  public synchronized void kill() {
    services.kill(spec());
  }

  private ServiceSpec spec() {
    return new ServiceSpec(name, etcdBinary, configFile(), logFile(), pidFile());
  }
}
