package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard and the alert rules only name metrics a real daemon exports: a daemon
 * with a one-second schedule runs against a real TLS etcd, its {@code /metrics} is scraped from
 * the separate metrics listener, and every dashboard expression must parse in {@code promtool}
 * and name at least one metric from that scrape, every metric it names among them.
 */
class DashboardMetricsIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  @Test
  void everyDashboardAndAlertExpressionNamesAnExportedMetric() throws Exception {
    Files.createDirectories(tmp.resolve("store"));
    DaemonSettings base = Daemons.settings("m1", etcd.target(),
        Optional.of(Daemons.store(tmp.resolve("store"))), "* * * * * ?", Duration.ofSeconds(1),
        tmp.resolve("state"));
    DaemonSettings settings = base.withDaemon(base.daemon().withMetricsListen("127.0.0.2:0"))
        .withToolVersion("1.2.3-test");
    List<String> expressions = dashboardExpressions();
    try (WardenDaemon daemon = WardenDaemon.start(settings)) {
      URI metricsOnly = URI.create("http://127.0.0.2:"
          + daemon.metricsAddress().orElseThrow().getPort());
      Set<String> exported = awaitExported(metricsOnly.resolve("/metrics"),
          Set.of("etcd_warden_cluster_snapshot_last_success_timestamp_seconds",
              "etcd_warden_certificate_expiry_timestamp_seconds",
              "etcd_warden_member_db_size_bytes", "etcd_warden_job_runs_total"));
      assertThat(status(metricsOnly.resolve("/v1/status"))).isEqualTo(404);
      assertThat(exported).contains("etcd_warden_build_info", "jvm_memory_used_bytes",
          "process_resident_memory_bytes", "etcd_warden_cluster_members",
          "etcd_warden_cluster_healthy_members", "etcd_warden_cluster_has_leader");

      for (String expr : expressions) {
        assertThat(Promtool.metricNames(expr)).as(expr).isNotEmpty();
        assertThat(exported).as(expr).containsAll(Promtool.metricNames(expr));
      }
      List<String> ruleMetrics = Promtool.metricNames(Promtool.read(Promtool.RULES));
      assertThat(ruleMetrics).isNotEmpty();
      assertThat(exported).containsAll(ruleMetrics);
    }
    Path asRules = tmp.resolve("dashboard.rules.yml");
    StringBuilder yaml = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    for (int i = 0; i < expressions.size(); i++) {
      String concrete = expressions.get(i).replace("$instance", ".*")
          .replace("$__rate_interval", "5m");
      yaml.append("      - record: dashboard:expr_").append(i).append("\n        expr: '")
          .append(concrete.replace("'", "''")).append("'\n");
    }
    Files.writeString(asRules, yaml.toString());
    Promtool.Run check = Promtool.run("check", "rules", asRules.toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + expressions.size() + " rules found");
  }

  private static List<String> dashboardExpressions() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Promtool.DASHBOARD.toFile());
    List<String> found = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        found.add(target.path("expr").asText());
      }
    }
    assertThat(found).hasSizeGreaterThan(10).doesNotContain("");
    return found;
  }

  private static Set<String> awaitExported(URI uri, Set<String> needed) throws Exception {
    return Await.every(Duration.ofMillis(200)).await(Duration.ofSeconds(60),
        "the daemon exporting " + needed,
        () -> sampleNames(new String(get(uri), StandardCharsets.UTF_8)),
        names -> names.containsAll(needed));
  }

  private static Set<String> sampleNames(String text) {
    Set<String> names = new TreeSet<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private static byte[] get(URI uri) throws Exception {
    HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
    try (InputStream in = http.getInputStream()) {
      return in.readAllBytes();
    } finally {
      http.disconnect();
    }
  }

  private static int status(URI uri) throws Exception {
    HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
    try {
      return http.getResponseCode();
    } finally {
      http.disconnect();
    }
  }
}
