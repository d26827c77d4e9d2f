package io.etcdwarden.testkit;

import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.installer.local.LocalCluster;
import io.etcdwarden.installer.local.LocalMember;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real etcd cluster (1 or 3 members, mutual TLS, free ports on 127.0.0.1) for integration
 * tests, built with the installer's own PKI, config renderer and process launcher. The etcd
 * binary is {@link EtcdUnderTest#etcd()}: the version the build's matrix names, else PATH.
 * As a static field it serves the whole class; as an instance field, each test. It always
 * stops its processes and deletes its folder, and a JVM shutdown hook kills whatever a crashed
 * test left running.
 */
public final class EtcdClusterExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final int size;
  private long quotaBackendBytes;
  private LocalCluster cluster;
  private Path dir;
  private Thread reaper;
  private boolean perClass;

  private EtcdClusterExtension(int size) {
    this.size = size;
  }

  /** A cluster of {@code size} members (1 or 3 are what tests need; up to 7 allowed). */
  public static EtcdClusterExtension withMembers(int size) {
    if (size < 1 || size > 7) {
      throw new IllegalArgumentException("members must be 1..7, got " + size);
    }
    return new EtcdClusterExtension(size);
  }

  /** Every member gets etcd's {@code quota-backend-bytes}, e.g. to fill a DB up to NOSPACE. */
  public EtcdClusterExtension quotaBackendBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("quota must not be negative, got " + bytes);
    }
    this.quotaBackendBytes = bytes;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      start();
    } else {
      // A test may have stopped members; the next one starts from a healthy cluster.
      cluster.startAll(START_TIMEOUT);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  private void start() {
    Path etcd = EtcdUnderTest.etcd();
    try {
      dir = Files.createTempDirectory("etcd-warden-it-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reaper = new Thread(this::stop, "etcd-cluster-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    cluster = LocalCluster.create(dir.resolve("cluster"), size, etcd, quotaBackendBytes);
    cluster.startAll(START_TIMEOUT);
  }

  private synchronized void stop() {
    if (cluster != null) {
      cluster.delete();
      cluster = null;
    }
    if (dir != null) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + dir, e);
      }
      dir = null;
    }
    if (reaper != null && Thread.currentThread() != reaper) {
      Runtime.getRuntime().removeShutdownHook(reaper);
      reaper = null;
    }
  }

  public LocalCluster cluster() {
    return cluster;
  }

  public List<LocalMember> members() {
    return cluster.members();
  }

  public LocalMember member(int index) {
    return cluster.members().get(index);
  }

  public List<URI> clientUrls() {
    return cluster.clientUrls();
  }

  /** The {@code ETCDCTL_*} variables an operator would export for this cluster. */
  public Map<String, String> etcdctlEnvironment() {
    return cluster.etcdctlEnvironment();
  }

  /** A target with every member's client URL and the test client certificate. */
  public EtcdTarget target() {
    return new EtcdTarget(clientUrls(), Optional.of(cluster.caCert()),
        Optional.of(cluster.clientCert()), Optional.of(cluster.clientKey()),
        Duration.ofSeconds(3), Map.of("endpoints", "test cluster", "cacert", "test cluster",
            "cert", "test cluster", "key", "test cluster", "timeout", "test cluster"));
  }
}
