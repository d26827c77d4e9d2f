package io.etcdwarden.installer.local;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.config.ClusterState;
import io.etcdwarden.installer.config.EtcdConfigRenderer;
import io.etcdwarden.installer.config.EtcdConfigWriter;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lays out a new {@link LocalCluster}: a CA in {@code pki/}, a client certificate in {@code
 * client/}, and per member a certificate, an etcd config file and a data dir, on free ports of
 * 127.0.0.1. A small snapshot count keeps restarts quick (WAL replay), as tests restart often.
 */
final class LocalClusterLayout {
  static final String CLIENT_NAME = "client";
  private static final long SNAPSHOT_COUNT = 10_000;
  private static final String LOOPBACK = "127.0.0.1";

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
    try {
      return layOut(size, validity);
    } catch (RuntimeException e) {
      // Half a cluster is worse than none: the next attempt would find the folder not empty.
      new LocalCluster(dir, List.of()).delete();
      throw e;
    }
  }

  private LocalCluster layOut(int size, Duration validity) {
    Pki pki = Pki.createCa(dir.resolve("pki"), "etcd-warden local CA", validity);
    pki.issueClient(CLIENT_NAME, dir.resolve(CLIENT_NAME), validity);
    List<Integer> ports = freePorts(3 * size);
    List<LocalMember> members = new ArrayList<>();
    Map<String, URI> initialCluster = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String name = "etcd" + i;
      members.add(new LocalMember(name, dir.resolve(name), url("https", ports.get(3 * i)),
          url("https", ports.get(3 * i + 1)), url("http", ports.get(3 * i + 2)), etcdBinary));
      initialCluster.put(name, members.get(i).peerUrl());
    }
    String token = EtcdMemberConfig.randomClusterToken();
    for (LocalMember m : members) {
      CertFiles tls = pki.issueMember(m.name(), List.of(LOOPBACK, "localhost"),
          m.dir().resolve("tls"), validity);
      EtcdMemberConfig config = EtcdMemberConfig.builder()
          .name(m.name())
          .dataDir(m.dataDir())
          .listenClientUrls(m.clientUrl())
          .advertiseClientUrls(m.clientUrl())
          .listenPeerUrls(m.peerUrl())
          .initialAdvertisePeerUrls(m.peerUrl())
          .listenMetricsUrls(m.metricsUrl())
          .initialCluster(initialCluster)
          .initialClusterToken(token)
          .initialClusterState(ClusterState.NEW)
          .certFile(tls.cert())
          .keyFile(tls.key())
          .trustedCaFile(tls.ca())
          .snapshotCount(SNAPSHOT_COUNT)
          .quotaBackendBytes(quotaBackendBytes)
          .build();
      new EtcdConfigWriter().write(m.configFile(), new EtcdConfigRenderer().render(config));
    }
    LocalCluster cluster = new LocalCluster(dir, members);
    cluster.saveState();
    return cluster;
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

  /** Holds every socket open until all are chosen, so no port is handed out twice. */
  private static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK)));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new WardenException("cannot find free ports on " + LOOPBACK + ": " + e.getMessage(),
          e);
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // Closing a listening socket we never used cannot lose anything.
        }
      }
    }
  }
}
