package io.etcdwarden.installer.local;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A static etcd cluster of 1 to 7 members on 127.0.0.1, in one folder, with mutual TLS: the
 * sandbox an operator tries the tool on and the cluster integration tests run against. It is
 * laid out by {@link LocalClusterLayout} with the installer's own PKI and config renderer, and
 * its members are plain supervised processes. {@code cluster.properties} records the members
 * and their URLs so that a later command can find, restart or stop them.
 */
public final class LocalCluster implements AutoCloseable {
  static final String STATE_FILE = "cluster.properties";
  static final String ENV_FILE = "env";

  private final Path dir;
  private final List<LocalMember> members;

  LocalCluster(Path dir, List<LocalMember> members) {
    this.dir = dir;
    this.members = List.copyOf(members);
  }

  /** How long a local cluster's certificates are valid: long enough never to matter. */
  public static final Duration CERT_VALIDITY = Duration.ofDays(365);

  /** Lays out a new cluster of {@code size} members in {@code dir}, which must be empty. */
  public static LocalCluster create(Path dir, int size, Path etcdBinary) {
    return create(dir, size, etcdBinary, 0);
  }

  /**
   * As {@link #create(Path, int, Path)}, every member with etcd's {@code quota-backend-bytes}
   * (0 keeps etcd's default), e.g. to see a NOSPACE alarm without writing gigabytes.
   */
  public static LocalCluster create(Path dir, int size, Path etcdBinary, long quotaBackendBytes) {
    return new LocalClusterLayout(dir.toAbsolutePath(), etcdBinary, quotaBackendBytes)
        .create(size, CERT_VALIDITY);
  }

  /** Whether {@code dir} holds a cluster made by {@link #create}. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(STATE_FILE));
  }

  /** The cluster laid out earlier in {@code dir}, running or not. */
  public static LocalCluster open(Path dir, Path etcdBinary) {
    Path absolute = dir.toAbsolutePath();
    Path state = absolute.resolve(STATE_FILE);
    if (!Files.isRegularFile(state)) {
      throw WardenException.badInput("no sandbox cluster in " + absolute + " (" + STATE_FILE
          + " missing); create one with: etcd-warden sandbox up --dir " + dir);
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(Files.readString(state)));
    } catch (IOException e) {
      throw new WardenException("cannot read " + state + ": " + e.getMessage(), e);
    }
    List<LocalMember> members = new ArrayList<>();
    for (String name : p.getProperty("members", "").split(",")) {
      members.add(new LocalMember(name, absolute.resolve(name), uri(p, name + ".client", state),
          uri(p, name + ".peer", state), uri(p, name + ".metrics", state), etcdBinary));
    }
    return new LocalCluster(absolute, members);
  }

  private static URI uri(Properties p, String key, Path state) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new WardenException(state + ": key " + key + " missing; recreate the sandbox");
    }
    return URI.create(value);
  }

  void saveState() {
    Properties p = new Properties();
    List<String> names = new ArrayList<>();
    for (LocalMember m : members) {
      names.add(m.name());
      p.setProperty(m.name() + ".client", m.clientUrl().toString());
      p.setProperty(m.name() + ".peer", m.peerUrl().toString());
      p.setProperty(m.name() + ".metrics", m.metricsUrl().toString());
    }
    p.setProperty("members", String.join(",", names));
    StringWriter text = new StringWriter();
    try {
      p.store(text, "etcd-warden local cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new AtomicFileWriter().write(dir.resolve(STATE_FILE),
        text.toString().getBytes(StandardCharsets.UTF_8), AtomicFileWriter.WORLD_READABLE);
    StringBuilder env = new StringBuilder("# source this file: etcdctl and etcd-warden use it\n");
    etcdctlEnvironment().forEach((k, v) -> env.append("export ").append(k).append("='")
        .append(v).append("'\n"));
    new AtomicFileWriter().write(envFile(), env.toString().getBytes(StandardCharsets.UTF_8),
        AtomicFileWriter.WORLD_READABLE);
  }

  /** Starts every member that is not running, then waits until all of them are healthy. */
  public void startAll(Duration timeout) {
    // All first, then wait: a new cluster has no healthy member until a quorum runs.
    members.forEach(LocalMember::start);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (LocalMember m : members) {
      m.awaitHealthy(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }
  }

  /** Stops every member (SIGTERM, then SIGKILL after a grace period); keeps all files. */
  public void stopAll() {
    members.forEach(LocalMember::stop);
  }

  /** Stops the members and deletes the cluster's folder. */
  public void delete() {
    stopAll();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new WardenException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    stopAll();
  }

  public Path dir() {
    return dir;
  }

  public List<LocalMember> members() {
    return members;
  }

  public List<URI> clientUrls() {
    return members.stream().map(LocalMember::clientUrl).toList();
  }

  public Path caCert() {
    return dir.resolve("client").resolve("ca.crt");
  }

  public Path clientCert() {
    return dir.resolve("client").resolve(LocalClusterLayout.CLIENT_NAME + ".crt");
  }

  public Path clientKey() {
    return dir.resolve("client").resolve(LocalClusterLayout.CLIENT_NAME + ".key");
  }

  /** A file of {@code export ETCDCTL_...} lines for a shell to source. */
  public Path envFile() {
    return dir.resolve(ENV_FILE);
  }

  /** What an operator would export for etcdctl (and etcd-warden) to reach this cluster. */
  public Map<String, String> etcdctlEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ETCDCTL_ENDPOINTS", String.join(",",
        clientUrls().stream().map(URI::toString).toList()));
    env.put("ETCDCTL_CACERT", caCert().toString());
    env.put("ETCDCTL_CERT", clientCert().toString());
    env.put("ETCDCTL_KEY", clientKey().toString());
    return env;
  }
}
