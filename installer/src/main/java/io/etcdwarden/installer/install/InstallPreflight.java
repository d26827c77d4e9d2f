package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.installer.process.EtcdVersionProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every check {@code install} makes before it changes anything on the host, each failing with one
 * line that names the flag: the initial cluster lists this member with this peer port, the
 * advertised address is local, the member folder is empty, the ports are free, the CA folder is
 * whole, exactly one source of binaries, and that binary an etcd of a supported line. Also derives
 * the URLs the member serves.
 */
final class InstallPreflight {
  static final String LOOPBACK = "127.0.0.1";

  /** What the checks established, for the installer to use. */
  record Checked(InitialCluster cluster, URI clientUrl, List<URI> listenClientUrls,
      URI listenPeerUrl, URI metricsUrl, List<String> certificateHosts, URI listenMetricsUrl) {}

  private InstallPreflight() {}

  static Checked check(InstallRequest r) {
    return check(r, true);
  }

  /**
   * The checks for a member already installed in the folder ({@code fresh} false): its folder is
   * not empty and its own etcd holds the ports, so those two checks are left out.
   */
  static Checked check(InstallRequest r, boolean fresh) {
    if (r.name() == null || r.name().isBlank()) {
      throw WardenException.badInput("--name is empty; name the member, e.g. --name etcd0");
    }
    InitialCluster cluster = InitialCluster.parse(r.initialCluster());
    URI peerUrl = cluster.peerUrlOf(r.name());
    if (peerUrl.getPort() != r.managementPort()) {
      throw WardenException.badInput("--management-port " + r.managementPort()
          + " differs from port " + peerUrl.getPort() + " of " + r.name()
          + " in --initial-cluster; make them equal");
    }
    String advertise = r.advertise() != null ? r.advertise() : peerUrl.getHost();
    InetAddress local = HostChecks.requireLocal(advertise, "--advertise");
    if (r.advertise() != null && !r.advertise().equals(peerUrl.getHost())) {
      HostChecks.requireLocal(peerUrl.getHost(), "--initial-cluster host of " + r.name());
    }
    if (fresh) {
      requireEmpty(r.dataDir());
    }
    requireBinarySource(r);
    requireWholeCa(r.caDir());
    String bind = r.bindAll() ? "0.0.0.0" : advertise;
    if (fresh) {
      HostChecks.requireFreePort(bind, r.port(), "--port");
      HostChecks.requireFreePort(bind, r.managementPort(), "--management-port");
    }
    String metricsHost = r.metricsBind() == null ? LOOPBACK : r.metricsBind();
    boolean anyAddress = metricsHost.equals("0.0.0.0");
    if (!anyAddress) {
      HostChecks.requireLocal(metricsHost, "--metrics-bind");
    }
    if (fresh) {
      HostChecks.requireFreePort(metricsHost, r.metricsPort(), "--metrics-port");
    }
    URI listenMetrics = url("http", metricsHost, r.metricsPort());
    URI clientUrl = url("https", advertise, r.port());
    List<URI> listenClient = new ArrayList<>(List.of(url("https", bind, r.port())));
    if (!r.bindAll() && !local.isLoopbackAddress()) {
      // etcdctl on the host itself talks to 127.0.0.1, as the charm's did.
      if (fresh) {
        HostChecks.requireFreePort(LOOPBACK, r.port(), "--port");
      }
      listenClient.add(url("https", LOOPBACK, r.port()));
    }
    Set<String> hosts = new LinkedHashSet<>(List.of(advertise, peerUrl.getHost()));
    return new Checked(cluster, clientUrl, listenClient, url("https", bind, r.managementPort()),
        anyAddress ? url("http", LOOPBACK, r.metricsPort()) : listenMetrics, List.copyOf(hosts),
        listenMetrics);
  }

  private static void requireEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw WardenException.badInput("--data-dir " + dir + " is a file, not a folder");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw WardenException.badInput("--data-dir " + dir + " is not empty; a fresh install"
            + " needs an empty folder (uninstall the old member or choose another --data-dir)");
      }
    } catch (IOException e) {
      throw WardenException.badInput("cannot read --data-dir " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void requireBinarySource(InstallRequest r) {
    if (r.release() != null && r.etcdBinDir() != null) {
      throw WardenException.badInput("give either --release or --etcd-bin, not both");
    }
    if (r.release() == null) {
      Path etcd = r.etcdBinDir() == null ? null : r.etcdBinDir().resolve("etcd");
      if (etcd == null || !Files.isExecutable(etcd)) {
        throw WardenException.badInput("--etcd-bin " + r.etcdBinDir()
            + " holds no executable etcd; fix --etcd-bin or give --release");
      }
      new EtcdVersionProbe().supported(etcd, "--etcd-bin " + r.etcdBinDir());
    } else if (!Files.isRegularFile(r.release())) {
      throw WardenException.badInput("--release " + r.release() + " does not exist");
    }
  }

  private static void requireWholeCa(Path caDir) {
    boolean cert = Files.exists(caDir.resolve(Pki.CA_CERT_FILE));
    boolean key = Files.exists(caDir.resolve(Pki.CA_KEY_FILE));
    if (cert && !key) {
      throw WardenException.badInput("CA key " + caDir.resolve(Pki.CA_KEY_FILE) + " is missing"
          + " beside " + Pki.CA_CERT_FILE + "; copy the CA's key from the first host into --ca");
    }
  }

  private static URI url(String scheme, String host, int port) {
    return URI.create(scheme + "://" + host + ":" + port);
  }
}
