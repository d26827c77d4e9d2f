package io.etcdwarden.checks.warm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warm path's decision against a real loopback HTTP server: a fresh survey is used, a
 * stale, future-dated, missing or unreachable one never is, and the detail line says which.
 */
class DaemonCacheTest {
  private static final Instant TAKEN = Instant.parse("2026-11-23T22:00:00Z");
  private final AtomicReference<byte[]> served = new AtomicReference<>();
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    server.createContext(DaemonCache.PATH, x -> {
      byte[] body = served.get();
      if (body == null) {
        x.sendResponseHeaders(503, -1);
      } else {
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
      }
      x.close();
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aFreshSurveyIsUsedAndSaysHowOld() throws Exception {
    served.set(SurveyJson.write(survey()));

    DaemonCache.Answer answer = ask(TAKEN.plusSeconds(12), Duration.ofSeconds(120));

    assertThat(answer.detail()).isEqualTo("from daemon cache, 12 s old");
    assertThat(answer.survey()).isPresent();
    assertThat(answer.survey().get().report()).isEqualTo(survey().report());
    assertThat(answer.survey().get().serverExpiry())
        .isEqualTo(Map.of("etcd0", Instant.parse("2027-11-23T00:00:00Z")));
  }

  @Test
  void aStaleSurveyIsNeverUsed() {
    served.set(SurveyJson.write(survey()));

    DaemonCache.Answer answer = ask(TAKEN.plusSeconds(121), Duration.ofSeconds(120));

    assertThat(answer.survey()).isEmpty();
    assertThat(answer.detail()).startsWith("live check: daemon cache 121 s old (max 120 s");
  }

  @Test
  void aSurveyFromTheFutureIsNotTrusted() {
    served.set(SurveyJson.write(survey()));

    assertThat(ask(TAKEN.minusSeconds(60), Duration.ofSeconds(120)).detail())
        .isEqualTo("live check: daemon cache dated 60 s in the future");
  }

  @Test
  void noSurveyYetOrNoDaemonMeansLive() {
    assertThat(ask(TAKEN, Duration.ofSeconds(120)).detail())
        .startsWith("live check: daemon at 127.0.0.1:").endsWith(" has no survey yet");
    server.stop(0);
    assertThat(ask(TAKEN, Duration.ofSeconds(120)).detail())
        .startsWith("live check: daemon not reachable at 127.0.0.1:");
  }

  @Test
  void aSurveyOfOtherEndpointsIsNotUsed() {
    List<URI> surveyed = List.of(URI.create("https://127.0.0.1:2379"),
        URI.create("https://127.0.0.2:2379"));
    served.set(SurveyJson.write(new CachedSurvey(survey().report(), survey().serverExpiry(),
        surveyed)));
    DaemonCache cache = new DaemonCache(base, Duration.ofMillis(500),
        Clock.fixed(TAKEN.plusSeconds(3), ZoneOffset.UTC));

    DaemonCache.Answer other = cache.ask(Duration.ofSeconds(120),
        List.of(URI.create("https://10.9.9.9:2379")));
    DaemonCache.Answer same = cache.ask(Duration.ofSeconds(120),
        List.of(surveyed.get(1), surveyed.get(0)));

    assertThat(other.survey()).isEmpty();
    assertThat(other.detail()).isEqualTo("live check: daemon at " + base.getHost() + ":"
        + base.getPort() + " surveys other endpoints (https://127.0.0.1:2379,"
        + "https://127.0.0.2:2379)");
    assertThat(same.survey()).isPresent();
    assertThat(same.survey().get().endpoints()).isEqualTo(surveyed);
  }

  @Test
  void garbageIsNotASurvey() {
    served.set("{\"hello\":1}".getBytes());

    assertThat(ask(TAKEN, Duration.ofSeconds(120)).survey()).isEmpty();
  }

  private DaemonCache.Answer ask(Instant now, Duration maxAge) {
    return new DaemonCache(base, Duration.ofMillis(500), Clock.fixed(now, ZoneOffset.UTC))
        .ask(maxAge);
  }

  private static CachedSurvey survey() {
    MemberStatus m = new MemberStatus("etcd0", "8e9e05c52164694d", "https://127.0.0.1:2379",
        true, true, false, "8e9e05c52164694d", "3.4.23", 20480, 16384, 2, 8, 8, List.of(),
        List.of(), 3);
    return new CachedSurvey(new ClusterReport(TAKEN, "cdf818194e3a8c32", List.of(m)),
        Map.of("etcd0", Instant.parse("2027-11-23T00:00:00Z")));
  }
}
