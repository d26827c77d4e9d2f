package io.etcdwarden.checks.warm;

import io.etcdwarden.core.cluster.ClusterReport;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the daemon keeps after each health run for {@code check_etcd_cluster}'s warm path: the
 * survey, and when each member's server certificate expires (fetched by the daemon with the
 * survey, so the plugin makes no TLS handshakes of its own when it uses the cache), and the
 * endpoints the daemon surveyed, so a plugin asked about other endpoints does not take it
 * (empty: not known, from a daemon that did not say).
 */
public record CachedSurvey(ClusterReport report, Map<String, Instant> serverExpiry,
    List<URI> endpoints) {
  public CachedSurvey {
    Objects.requireNonNull(report, "report");
    serverExpiry = Map.copyOf(serverExpiry);
    endpoints = List.copyOf(endpoints);
  }

  public CachedSurvey(ClusterReport report, Map<String, Instant> serverExpiry) {
    this(report, serverExpiry, List.of());
  }
}
