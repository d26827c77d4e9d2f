package io.etcdwarden.checks.warm;

import io.etcdwarden.core.cluster.ClusterReport;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the daemon keeps after each health run for {@code check_etcd_cluster}'s warm path: the
 * survey, and when each member's server certificate expires (fetched by the daemon with the
 * survey, so the plugin makes no TLS handshakes of its own when it uses the cache).
 */
public record CachedSurvey(ClusterReport report, Map<String, Instant> serverExpiry) {
  public CachedSurvey {
    Objects.requireNonNull(report, "report");
    serverExpiry = Map.copyOf(serverExpiry);
  }
}
