package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.daemon.DaemonSettings;
import io.etcdwarden.daemon.WardenDaemon;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.HealthyClusterVerdict;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon answers whole check_etcd_cluster runs ({@code /v1/plugin/cluster}) with exactly
 * what the plugin process prints for the same cached survey, and declines every run it must
 * not answer: a stale cache, --no-daemon, other endpoints or daemon, bad arguments, help, a
 * relative path or a file that is not a state file.
 */
class DaemonFastPathIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir static Path tmp;
  private static WardenDaemon daemon;
  private static String listen;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startDaemon() throws Exception {
    // one survey, at start-up: the fast and the plugin answers judge the very same one
    daemon = WardenDaemon.start(DaemonSettings.of(etcd.target(), BackupSection.defaults(),
        new DaemonSection(Duration.ofHours(1), "127.0.0.1", 0, Duration.ofSeconds(3),
            tmp.resolve("state")), "test").withInstance("fast-it").withStopGrace(Duration.ofSeconds(5)));
    listen = "127.0.0.1:" + daemon.address().getPort();
    // Every test judges the cache: without one by the deadline, fail here with what the
    // plugin printed instead of letting each test fail for a reason that hides this one.
    Await.until(Duration.ofSeconds(30), "the daemon's survey (what the plugin printed)",
        () -> plugin(), run -> run.out().contains("from daemon cache"));
  }

  @AfterAll
  static void stopDaemon() {
    daemon.close();
  }

  @Test
  void answersExactlyAsThePluginWould() throws Exception {
    Path stateFile = tmp.resolve("leader-terms");
    assertThat(plugin("--state-file", stateFile.toString()).exitCode()) // creates it
        .isEqualTo(HealthyClusterVerdict.exitCode());
    for (String[] extra : List.of(new String[0], new String[] {"-w", "0", "-v"},
        new String[] {"--state-file", stateFile.toString(), "--max-cache-age", "10m"})) {
      CliRun jvm = plugin(extra);
      HttpResponse<String> fast = fast(args(extra));

      assertThat(fast.statusCode()).as(fast.body()).isEqualTo(200);
      assertThat(fast.headers().firstValue("X-Plugin-Exit-Code"))
          .hasValue(String.valueOf(jvm.exitCode()));
      assertThat(ageless(fast.body())).isEqualTo(jvm.exitCode() + "\n" + ageless(jvm.out()));
      assertThat(jvm.out()).contains("from daemon cache");
    }
    assertThat(fast(args("-w", "0")).body()).startsWith("1\nETCD_CLUSTER WARNING: ");
  }

  @Test
  void theCallersEtcdctlEnvironmentCounts() throws Exception {
    Map<String, String> env = etcd.etcdctlEnvironment();
    String query = Stream.concat(Stream.of("arg=--daemon", "arg=" + encode(listen)),
        env.entrySet().stream().map(e -> "env=" + encode(e.getKey() + "=" + e.getValue())))
        .collect(Collectors.joining("&"));

    HttpResponse<String> fast = get(query);

    assertThat(fast.statusCode()).as(fast.body()).isEqualTo(200);
    assertThat(fast.body()).startsWith(HealthyClusterVerdict.exitCode() + "\nETCD_CLUSTER "
        + HealthyClusterVerdict.summary(3));
    assertThat(get("arg=--daemon&arg=" + encode(listen)).statusCode())
        .as("no endpoints at all: the plugin fails, the daemon declines").isEqualTo(409);
  }

  @Test
  void declinesWhatThePluginWouldNotAnswerFromThisCache() throws Exception {
    Path notState = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    List<String[]> declined = List.of(new String[] {"--no-daemon"}, new String[] {"-h"},
        new String[] {"-V"}, new String[] {"-w", "bogus"}, new String[] {"--bogus"},
        new String[] {"--state-file", "relative/terms"},
        new String[] {"--state-file", notState.toString()},
        new String[] {"--state-file", tmp.resolve("absent").toString()},
        new String[] {"--endpoints", "https://127.0.0.1:1"});
    for (String[] extra : declined) {
      assertThat(fast(args(extra)).statusCode()).as(String.join(" ", extra)).isEqualTo(409);
    }
    List<String> otherDaemon = new ArrayList<>(args());
    otherDaemon.set(otherDaemon.indexOf(listen), "127.0.0.1:1");
    assertThat(fast(otherDaemon).statusCode()).isEqualTo(409);
    assertThat(Files.readString(notState)).startsWith("root:x:0:0");
    assertThat(tmp.resolve("absent")).doesNotExist();
  }

  @Test
  void aStaleCacheIsDeclinedAtAnswerTime() throws Exception {
    // Served while fresh (each answer at most a second old), declined once the cache is older.
    HttpResponse<String> answer = Await.every(Duration.ofMillis(200)).await(
        Duration.ofSeconds(20), "the fast path declining a cache over 1 s old", () -> {
          HttpResponse<String> served = fast(args("--max-cache-age", "1s"));
          if (served.statusCode() == 200) {
            assertThat(served.body()).containsPattern("from daemon cache, [01] s old");
          }
          return served;
        }, served -> served.statusCode() != 200);

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(plugin("--max-cache-age", "1s").out())
        .containsPattern("live check: daemon cache \\d+ s old \\(max 1 s");
  }

  /** The plugin's arguments for this cluster and this daemon, then {@code extra}. */
  private static List<String> args(String... extra) {
    Map<String, String> env = etcd.etcdctlEnvironment();
    List<String> args = new ArrayList<>(List.of("--endpoints", env.get("ETCDCTL_ENDPOINTS"),
        "--cacert", env.get("ETCDCTL_CACERT"), "--cert", env.get("ETCDCTL_CERT"),
        "--key", env.get("ETCDCTL_KEY"), "--daemon", listen));
    args.addAll(List.of(extra));
    return args;
  }

  private static CliRun plugin(String... extra) {
    List<String> all = new ArrayList<>(List.of("check", "cluster"));
    all.addAll(args(extra));
    return CliRun.run(Map.of(), all.toArray(String[]::new));
  }

  private static HttpResponse<String> fast(List<String> args) throws Exception {
    return get(args.stream().map(a -> "arg=" + encode(a)).collect(Collectors.joining("&")));
  }

  private static HttpResponse<String> get(String query) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + listen
        + "/v1/plugin/cluster?" + query)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The cache's age is the one number that may differ between two runs a moment apart. */
  private static String ageless(String text) {
    return text.replaceAll("from daemon cache, \\d+ s old", "from daemon cache, N s old");
  }
}
