package io.etcdwarden.installer.config;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks etcd itself would make at start-up, made earlier: a bad member config fails while
 * the operator is still at the keyboard, with the etcd config key named, instead of as a member
 * that exits with a message in its log. Also refuses what etcd would accept but we cannot render
 * safely (a member name with {@code =} or {@code ,} would corrupt {@code initial-cluster}).
 */
final class MemberConfigValidator {
  private static final Pattern MEMBER_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

  private MemberConfigValidator() {}

  static void validate(EtcdMemberConfig c) {
    requireMemberName("name", c.name());
    requireAbsolute("data-dir", c.dataDir());
    requireUrls("listen-client-urls", c.listenClientUrls(), true, true);
    requireUrls("advertise-client-urls", c.advertiseClientUrls(), true, false);
    requireUrls("listen-peer-urls", c.listenPeerUrls(), true, true);
    requireUrls("initial-advertise-peer-urls", c.initialAdvertisePeerUrls(), true, false);
    requireUrls("listen-metrics-urls", c.listenMetricsUrls(), false, true);
    requireInitialCluster(c);
    if (c.initialClusterToken() == null || c.initialClusterToken().isBlank()) {
      throw bad("initial-cluster-token is required; use EtcdMemberConfig.randomClusterToken()");
    }
    if (c.initialClusterState() == null) {
      throw bad("initial-cluster-state is required: new or existing");
    }
    requireAbsolute("cert-file", c.certFile());
    requireAbsolute("key-file", c.keyFile());
    requireAbsolute("trusted-ca-file", c.trustedCaFile());
    requireTiming(c);
    if (c.snapshotCount() <= 0) {
      throw bad("snapshot-count must be positive, not " + c.snapshotCount());
    }
    if (c.maxSnapshots() < 0 || c.maxWals() < 0) {
      throw bad("max-snapshots and max-wals must be 0 (unlimited) or more");
    }
    if (!AutoCompaction.valid(c.autoCompactionRetention())) {
      throw bad("auto-compaction-retention '" + c.autoCompactionRetention()
          + "' is not a retention such as 4h or 30m");
    }
    if (c.quotaBackendBytes() < 0) {
      throw bad("quota-backend-bytes must be 0 (etcd's default) or more");
    }
    if (!EtcdMemberConfig.DEFAULT_LOGGER.equals(c.logger())) {
      throw bad("logger '" + c.logger() + "' is not supported; use zap (JSON logs)");
    }
    List<String> outputs = c.logOutputs();
    if (outputs.isEmpty() || outputs.stream().anyMatch(MemberConfigValidator::blank)) {
      throw bad("log-outputs must list at least one output (stderr, stdout or a file path)");
    }
  }

  private static void requireInitialCluster(EtcdMemberConfig c) {
    Map<String, URI> cluster = c.initialCluster();
    if (cluster.isEmpty()) {
      throw bad("initial-cluster is required: every member's name and peer URL");
    }
    for (Map.Entry<String, URI> member : cluster.entrySet()) {
      requireMemberName("initial-cluster member name", member.getKey());
      requireUrl("initial-cluster entry for '" + member.getKey() + "'", member.getValue(), false);
    }
    URI own = cluster.get(c.name());
    if (own == null) {
      throw bad("initial-cluster does not list this member '" + c.name() + "'; add it");
    }
    // etcd refuses to start when the two disagree; say so before it does.
    if (!c.initialAdvertisePeerUrls().contains(own)) {
      throw bad(
          "initial-cluster gives '" + c.name() + "' the peer URL " + own
              + ", which is not among initial-advertise-peer-urls "
              + c.initialAdvertisePeerUrls() + "; make them agree");
    }
  }

  private static void requireTiming(EtcdMemberConfig c) {
    int heartbeat = c.heartbeatIntervalMs();
    int election = c.electionTimeoutMs();
    if (heartbeat <= 0) {
      throw bad("heartbeat-interval must be positive, not " + heartbeat + " ms");
    }
    if ((long) election < (long) EtcdMemberConfig.MIN_ELECTION_HEARTBEATS * heartbeat) {
      throw bad(
          "election-timeout (" + election + " ms) must be at least "
              + EtcdMemberConfig.MIN_ELECTION_HEARTBEATS + " x heartbeat-interval ("
              + heartbeat + " ms); raise election-timeout");
    }
    if (election > EtcdMemberConfig.MAX_ELECTION_TIMEOUT_MS) {
      throw bad(
          "election-timeout (" + election + " ms) exceeds etcd's maximum of "
              + EtcdMemberConfig.MAX_ELECTION_TIMEOUT_MS + " ms");
    }
  }

  private static void requireMemberName(String key, String value) {
    if (value == null || !MEMBER_NAME.matcher(value).matches()) {
      throw bad(key + " '" + value + "' is invalid; use letters, digits, '-', '_' and '.' only");
    }
  }

  private static void requireAbsolute(String key, Path path) {
    if (path == null) {
      throw bad(key + " is required");
    }
    // etcd resolves relative paths against its working directory, not the config file's.
    if (!path.isAbsolute()) {
      throw bad(key + " '" + path + "' must be an absolute path");
    }
  }

  private static void requireUrls(String key, List<URI> urls, boolean required, boolean bind) {
    if (required && urls.isEmpty()) {
      throw bad(key + " is required: at least one http:// or https:// URL");
    }
    for (URI url : urls) {
      requireUrl(key, url, bind);
    }
  }

  /** {@code bind}: etcd listens on it, so the host must be an IP address or localhost. */
  private static void requireUrl(String key, URI url, boolean bind) {
    if (url == null) {
      throw bad(key + " holds an empty URL");
    }
    String scheme = url.getScheme();
    boolean web = "http".equals(scheme) || "https".equals(scheme);
    if (!web || url.getHost() == null || url.getPort() < 0) {
      throw bad(key + " URL '" + url + "' must be http:// or https:// with a host and a port");
    }
    // etcd rejects any path, even "/"; query, fragment and user info mean a pasted wrong URL.
    boolean path = url.getRawPath() != null && !url.getRawPath().isEmpty();
    boolean decorated =
        url.getRawQuery() != null || url.getRawFragment() != null || url.getUserInfo() != null;
    if (path || decorated) {
      throw bad(key + " URL '" + url + "' must be just scheme://host:port, with no path");
    }
    if (bind && !isIpLiteral(url.getHost()) && !"localhost".equals(url.getHost())) {
      throw bad(key + " URL '" + url + "' must use an IP address to listen on, not a host name");
    }
  }

  private static boolean isIpLiteral(String host) {
    // java.net.URI keeps the brackets around IPv6 hosts; a colon only occurs in IPv6 literals.
    boolean ipv6 = host.startsWith("[") && host.endsWith("]") && host.contains(":");
    return ipv6 || IPV4.matcher(host).matches();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static WardenException bad(String message) {
    return WardenException.badInput("etcd member config: " + message);
  }
}
