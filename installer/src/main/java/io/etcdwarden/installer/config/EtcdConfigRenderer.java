package io.etcdwarden.installer.config;

import io.etcdwarden.core.version.EtcdLine;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders an {@link EtcdMemberConfig} as the YAML that one etcd line (3.4 to 3.7) reads with {@code
 * --config-file}. Pure: returns text, writes nothing. The keys are those every supported line
 * accepts, measured with the real binaries; {@link EtcdLine} decides the few that differ (3.6
 * deprecated {@code max-snapshots}, so it is left out there). etcd decodes the file by converting
 * YAML to JSON and then into Go structs with JSON tags, which shapes the output: URL lists are
 * single comma-joined strings (a YAML list is rejected), every string is double-quoted (an unquoted
 * token such as {@code 123456} or a name such as {@code yes} would arrive as a number or a boolean
 * and stop etcd), while numbers and booleans stay bare (a quoted {@code "true"} is rejected too).
 * Unknown keys are silently ignored by etcd, so key names here must be exact.
 */
public final class EtcdConfigRenderer {
  private final EtcdLine line;

  /** A renderer for members that run an etcd of {@code line}. */
  public EtcdConfigRenderer(EtcdLine line) {
    this.line = line;
  }

  /** The complete config file for {@code config}'s member. */
  public String render(EtcdMemberConfig config) {
    StringBuilder yaml = new StringBuilder(1024);
    yaml.append("# etcd ").append(quote(config.name())).append(" member configuration, ")
        .append("written by etcd-warden.\n")
        .append("# etcd reads it with --config-file and then ignores all other flags and ETCD_*")
        .append(" variables.\n");
    scalar(yaml, "name", quote(config.name()));
    scalar(yaml, "data-dir", quote(config.dataDir()));
    scalar(yaml, "listen-client-urls", urls(config.listenClientUrls()));
    scalar(yaml, "advertise-client-urls", urls(config.advertiseClientUrls()));
    scalar(yaml, "listen-peer-urls", urls(config.listenPeerUrls()));
    scalar(yaml, "initial-advertise-peer-urls", urls(config.initialAdvertisePeerUrls()));
    if (!config.listenMetricsUrls().isEmpty()) {
      scalar(yaml, "listen-metrics-urls", urls(config.listenMetricsUrls()));
    }
    scalar(yaml, "initial-cluster", initialCluster(config.initialCluster()));
    scalar(yaml, "initial-cluster-token", quote(config.initialClusterToken()));
    scalar(yaml, "initial-cluster-state", quote(config.initialClusterState().configValue()));
    scalar(yaml, "snapshot-count", Long.toString(config.snapshotCount()));
    scalar(yaml, "heartbeat-interval", Integer.toString(config.heartbeatIntervalMs()));
    scalar(yaml, "election-timeout", Integer.toString(config.electionTimeoutMs()));
    if (line.acceptsMaxSnapshots()) {
      scalar(yaml, "max-snapshots", Integer.toString(config.maxSnapshots()));
    }
    scalar(yaml, "max-wals", Integer.toString(config.maxWals()));
    scalar(yaml, "strict-reconfig-check", Boolean.toString(config.strictReconfigCheck()));
    if (config.quotaBackendBytes() > 0) {
      scalar(yaml, "quota-backend-bytes", Long.toString(config.quotaBackendBytes()));
    }
    if (!config.autoCompactionRetention().isEmpty()) {
      scalar(yaml, "auto-compaction-mode", quote(AutoCompaction.MODE));
      scalar(yaml, "auto-compaction-retention", quote(config.autoCompactionRetention()));
    }
    scalar(yaml, "logger", quote(config.logger()));
    scalar(yaml, "log-outputs", list(config.logOutputs()));
    // One certificate serves both sides: etcd presents it to clients and to peers, and dials
    // peers with it; client-cert-auth under peer-transport-security is --peer-client-cert-auth.
    transportSecurity(yaml, "client-transport-security", config);
    transportSecurity(yaml, "peer-transport-security", config);
    return yaml.toString();
  }

  private static void transportSecurity(StringBuilder yaml, String key, EtcdMemberConfig c) {
    yaml.append(key).append(":\n");
    scalar(yaml, "  cert-file", quote(c.certFile()));
    scalar(yaml, "  key-file", quote(c.keyFile()));
    scalar(yaml, "  client-cert-auth", "true");
    scalar(yaml, "  trusted-ca-file", quote(c.trustedCaFile()));
    scalar(yaml, "  auto-tls", "false");
  }

  private static void scalar(StringBuilder yaml, String key, String renderedValue) {
    yaml.append(key).append(": ").append(renderedValue).append('\n');
  }

  private static String urls(List<URI> urls) {
    return quote(urls.stream().map(URI::toString).collect(Collectors.joining(",")));
  }

  private static String initialCluster(Map<String, URI> members) {
    return quote(
        members.entrySet().stream()
            .map(member -> member.getKey() + "=" + member.getValue())
            .collect(Collectors.joining(",")));
  }

  private static String list(List<String> values) {
    return values.stream()
        .map(EtcdConfigRenderer::quote)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(Path path) {
    return quote(path.toString());
  }

  /**
   * A YAML double-quoted scalar. Escapes the quote, the backslash and every character YAML
   * would treat as a line break or that is not printable, so no value can end the scalar or
   * start a new key.
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || ch == 0x2028 || ch == 0x2029
          || ch == 0xfeff) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }
}
