package io.etcdwarden.installer.local;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.config.AutoCompaction;
import io.etcdwarden.installer.config.ClusterState;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.install.InstallRequest;
import io.etcdwarden.installer.install.MemberInstaller;
import io.etcdwarden.installer.pki.Pki;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lays out a new {@link LocalCluster} on free ports of 127.0.0.1 by installing each member
 * exactly as {@code etcd-warden install} does on a host of its own (one CA in {@code pki/},
 * member folders {@code etcdN/}, direct processes), then issues a client certificate into
 * {@code client/}. The sandbox and the test harness thereby exercise the real installer.
 */
final class LocalClusterLayout {
  static final String CLIENT_NAME = "client";
  private static final String LOOPBACK = FreePorts.LOOPBACK;
  private static final String PROCESS_SERVICE = "process";
  private static final Duration INSTALL_WAIT = Duration.ofSeconds(30);

  private final Path dir;
  private final Path etcdBinary;
  private final long quotaBackendBytes;

  /** {@code quotaBackendBytes} 0 keeps etcd's default quota. */
  LocalClusterLayout(Path dir, Path etcdBinary, long quotaBackendBytes) {
    this.dir = dir;
    this.etcdBinary = etcdBinary;
    this.quotaBackendBytes = quotaBackendBytes;
  }

  LocalCluster create(int size, Duration validity) {
    if (size < 1 || size > 7) {
      throw WardenException.badInput("members must be between 1 and 7, got " + size);
    }
    requireEmpty();
    List<LocalMember> members = plan(size);
    try {
      install(members, validity);
    } catch (RuntimeException e) {
      // Half a cluster is worse than none: stop what started, leave the folder empty.
      new LocalCluster(dir, members).delete();
      throw e;
    }
    LocalCluster cluster = new LocalCluster(dir, members);
    cluster.saveState();
    return cluster;
  }

  private List<LocalMember> plan(int size) {
    List<Integer> ports = FreePorts.loopback(3 * size);
    List<LocalMember> members = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      members.add(new LocalMember("etcd" + i, dir.resolve("etcd" + i),
          url("https", ports.get(3 * i)), url("https", ports.get(3 * i + 1)),
          url("http", ports.get(3 * i + 2)), etcdBinary));
    }
    return members;
  }

  private void install(List<LocalMember> members, Duration validity) {
    String initialCluster = members.stream().map(m -> m.name() + "=" + m.peerUrl())
        .collect(Collectors.joining(","));
    String token = EtcdMemberConfig.randomClusterToken();
    MemberInstaller installer = new MemberInstaller();
    for (LocalMember m : members) {
      installer.install(new InstallRequest(m.name(), m.dir(), null, null,
          etcdBinary.getParent(), m.clientUrl().getPort(), m.peerUrl().getPort(),
          m.metricsUrl().getPort(), LOOPBACK, false, initialCluster, token, ClusterState.NEW,
          dir.resolve("pki"), PROCESS_SERVICE, null, INSTALL_WAIT, quotaBackendBytes,
          null, AutoCompaction.DEFAULT_RETENTION));
    }
    Pki.loadCa(dir.resolve("pki")).issueClient(CLIENT_NAME, dir.resolve(CLIENT_NAME), validity);
  }

  private void requireEmpty() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw WardenException.badInput(dir + " is not empty; choose an empty folder");
      }
    } catch (IOException e) {
      throw WardenException.badInput("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  private static URI url(String scheme, int port) {
    return URI.create(scheme + "://" + LOOPBACK + ":" + port);
  }
}
