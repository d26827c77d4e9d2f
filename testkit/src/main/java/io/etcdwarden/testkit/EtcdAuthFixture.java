package io.etcdwarden.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.Auth;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.auth.Permission;
import io.etcdwarden.core.auth.EtcdCredentials;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns on etcd's authentication on a running {@link EtcdClusterExtension} cluster through
 * etcd's own Auth API (jetcd), as an operator would with {@code etcdctl user add root; etcdctl
 * auth enable}: a {@code root} user with the {@code root} role, and a {@code warden} user whose
 * role reads the whole keyspace and reads and writes {@code /etcd-warden/} (what etcd-warden's
 * commands need, snapshot excepted). Afterwards the cluster's own client certificate (CN
 * {@code client}, no such user) is refused, as on any cluster where the CN is not a user.
 * Certificates with other common names come from the cluster's CA ({@link #issueClient}).
 */
public final class EtcdAuthFixture {
  public static final String ROOT = "root";
  public static final String ROOT_PASSWORD = "root-secret-9f2c";
  public static final String WARDEN = "warden";
  public static final String WARDEN_PASSWORD = "warden-secret-41ab";
  public static final String WARDEN_PREFIX = "/etcd-warden/";
  private static final Duration CALL = Duration.ofSeconds(10);

  private final EtcdClusterExtension etcd;

  private EtcdAuthFixture(EtcdClusterExtension etcd) {
    this.etcd = etcd;
  }

  /** Adds root and warden, then enables auth; the cluster must have auth disabled. */
  public static EtcdAuthFixture enable(EtcdClusterExtension etcd) {
    EtcdAuthFixture fixture = new EtcdAuthFixture(etcd);
    // A patient deadline: the first call also connects, on a loaded machine.
    try (EtcdClients clients = new EtcdClients(etcd.target().withTimeout(CALL))) {
      Auth auth = clients.cluster().getAuthClient();
      await(auth.roleAdd(bytes(ROOT)));
      await(auth.userAdd(bytes(ROOT), bytes(ROOT_PASSWORD)));
      await(auth.userGrantRole(bytes(ROOT), bytes(ROOT)));
      await(auth.roleAdd(bytes(WARDEN)));
      byte[] everything = {0};
      await(auth.roleGrantPermission(bytes(WARDEN), ByteSequence.from(everything),
          ByteSequence.from(everything), Permission.Type.READ));
      await(auth.roleGrantPermission(bytes(WARDEN), bytes(WARDEN_PREFIX),
          bytes(prefixEnd(WARDEN_PREFIX)), Permission.Type.READWRITE));
      await(auth.userAdd(bytes(WARDEN), bytes(WARDEN_PASSWORD)));
      await(auth.userGrantRole(bytes(WARDEN), bytes(WARDEN)));
      await(auth.authEnable());
    }
    return fixture;
  }

  /** The cluster's target, authenticating as {@code user} with {@code password}. */
  public EtcdTarget as(String user, String password) {
    return etcd.target().withCredentials(
        Optional.of(new EtcdCredentials(user, password, "test", "test")));
  }

  /** The cluster's target as root (what snapshot and user management need). */
  public EtcdTarget asRoot() {
    return as(ROOT, ROOT_PASSWORD);
  }

  /** A client certificate with common name {@code cn}, signed by the cluster's CA. */
  public CertFiles issueClient(String cn, Path dir) {
    return Pki.loadCa(etcd.cluster().dir().resolve("pki")).issueClient(cn, dir, Duration.ofDays(365));
  }

  /** The end of etcd's range for every key that starts with {@code prefix}. */
  public static String prefixEnd(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  private static ByteSequence bytes(String text) {
    return ByteSequence.from(text, UTF_8);
  }

  private static <T> T await(CompletableFuture<T> call) {
    try {
      return call.get(CALL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("etcd auth set-up failed: " + e, e);
    }
  }
}
