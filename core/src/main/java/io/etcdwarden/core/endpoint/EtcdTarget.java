package io.etcdwarden.core.endpoint;

import io.etcdwarden.core.auth.EtcdCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which etcd cluster to talk to and how: client endpoints, the TLS files (CA bundle, client
 * certificate and key), the per-call deadline ({@code timeout}, etcdctl's command timeout) and the
 * bound on connecting ({@code dialTimeout}, etcdctl's dial timeout: TCP connect and TLS handshake),
 * each with the place it came from ("--cacert",
 * "ETCDCTL_CACERT", "etcd.cacert in /etc/etcd-warden/warden.yaml", "default") so that error
 * messages can tell the operator which setting to fix; and the etcd user to authenticate as, if
 * any (none: etcd maps the client certificate's common name to a user when auth is enabled).
 * Built by {@link EtcdTargetResolver}; immutable.
 */
public record EtcdTarget(
    List<URI> endpoints,
    Optional<Path> caFile,
    Optional<Path> certFile,
    Optional<Path> keyFile,
    Duration timeout,
    Map<String, String> origins,
    Duration dialTimeout,
    Optional<EtcdCredentials> credentials) {
  public static final String ENDPOINTS = "endpoints";
  public static final String CACERT = "cacert";
  public static final String CERT = "cert";
  public static final String KEY = "key";
  public static final String TIMEOUT = "timeout";
  public static final String DIAL_TIMEOUT = "dial_timeout";
  /** The origin of a value nobody gave. */
  public static final String DEFAULT_ORIGIN = "default";

  public EtcdTarget {
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("an etcd target needs at least one endpoint");
    }
    Objects.requireNonNull(caFile, CACERT);
    Objects.requireNonNull(certFile, CERT);
    Objects.requireNonNull(keyFile, KEY);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    origins = Map.copyOf(origins);
    if (dialTimeout.isNegative() || dialTimeout.isZero()) {
      throw new IllegalArgumentException("dial timeout must be positive, got " + dialTimeout);
    }
    Objects.requireNonNull(credentials, "credentials");
  }

  /**
   * A target whose connecting is bounded by the per-call timeout too (no dial timeout given),
   * without an etcd user: certificate (or no) authentication.
   */
  public EtcdTarget(List<URI> endpoints, Optional<Path> caFile, Optional<Path> certFile,
      Optional<Path> keyFile, Duration timeout, Map<String, String> origins) {
    this(endpoints, caFile, certFile, keyFile, timeout, origins, timeout, Optional.empty());
  }

  /** A target with its own dial timeout, without an etcd user. */
  public EtcdTarget(List<URI> endpoints, Optional<Path> caFile, Optional<Path> certFile,
      Optional<Path> keyFile, Duration timeout, Map<String, String> origins,
      Duration dialTimeout) {
    this(endpoints, caFile, certFile, keyFile, timeout, origins, dialTimeout, Optional.empty());
  }

  /** Where a field's value came from; {@value #DEFAULT_ORIGIN} when nobody gave it. */
  public String originOf(String field) {
    return origins.getOrDefault(field, DEFAULT_ORIGIN);
  }

  /** True when any endpoint is https, which is when the TLS files are used. */
  public boolean usesTls() {
    return endpoints.stream().anyMatch(e -> "https".equalsIgnoreCase(e.getScheme()));
  }

  /** True when a client certificate (and so a key) is given. */
  public boolean hasClientCertificate() {
    return certFile.isPresent();
  }

  /**
   * The same target with other endpoints, for example one member's client URL; the origins are
   * kept, since the TLS files and the timeout still come from the same places.
   */
  public EtcdTarget withEndpoints(List<URI> newEndpoints) {
    return new EtcdTarget(newEndpoints, caFile, certFile, keyFile, timeout, origins, dialTimeout,
        credentials);
  }

  /** The same target with another per-call deadline, from the same place as the old one. */
  public EtcdTarget withTimeout(Duration newTimeout) {
    return withTimeout(newTimeout, originOf(TIMEOUT));
  }

  /**
   * The same target with another per-call timeout (a plugin's share of its whole-run budget);
   * the dial timeout follows it unless one was given, which it then bounds. {@code origin} says
   * where the new timeout came from, for messages. The credentials are kept.
   */
  public EtcdTarget withTimeout(Duration newTimeout, String origin) {
    Duration dial = !origins.containsKey(DIAL_TIMEOUT) || dialTimeout.compareTo(newTimeout) > 0
        ? newTimeout : dialTimeout;
    Map<String, String> newOrigins = new java.util.HashMap<>(origins);
    newOrigins.put(TIMEOUT, origin);
    return new EtcdTarget(endpoints, caFile, certFile, keyFile, newTimeout, newOrigins, dial,
        credentials);
  }

  /** The same target authenticating as {@code user} (empty: by the client certificate). */
  public EtcdTarget withCredentials(Optional<EtcdCredentials> user) {
    return new EtcdTarget(endpoints, caFile, certFile, keyFile, timeout, origins, dialTimeout,
        user);
  }
}
