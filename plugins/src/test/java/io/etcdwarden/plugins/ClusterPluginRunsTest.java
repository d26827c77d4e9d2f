package io.etcdwarden.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.warm.CachedSurvey;
import io.etcdwarden.checks.warm.CallerAccess;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's side of the fast path, with no etcd: a run the plugin would judge from this very
 * cache is answered with the plugin's own text and exit code; help, a bad argument,
 * {@code --no-daemon}, another daemon, a stale cache or a state file the run must not touch are
 * declined (empty), and nothing is written for them.
 */
class ClusterPluginRunsTest {
  private static final Instant TAKEN = Instant.parse("2026-11-23T22:00:00Z");
  private static final URI ENDPOINT = URI.create("https://127.0.0.1:2379");
  private static final int PORT = 2389;
  @TempDir Path tmp;

  @Test
  void aRunThePluginWouldJudgeFromThisCacheIsAnsweredWithItsText() throws IOException {
    Optional<ClusterPluginRuns.Answer> answer = answer(TAKEN.plusSeconds(5));

    assertThat(answer).isPresent();
    String text = answer.get().text();
    assertThat(text).startsWith("ETCD_CLUSTER ").contains("\nfrom daemon cache, 5 s old\n");
    String state = text.substring("ETCD_CLUSTER ".length(), text.indexOf(':'));
    assertThat(answer.get().exitCode()).isEqualTo(List.of("OK", "WARNING", "CRITICAL",
        "UNKNOWN").indexOf(state));
  }

  @Test
  void whatThePluginWouldNotAnswerFromThisCacheIsDeclined() throws IOException {
    Path notState = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    for (List<String> extra : List.of(List.of("-h"), List.of("-V"), List.of("--bogus"),
        List.of("-w", "bogus"), List.of("--no-daemon"), List.of("--daemon", "127.0.0.1:1"),
        List.of("--state-file", "relative/terms"),
        List.of("--state-file", notState.toString()),
        List.of("--state-file", tmp.resolve("absent").toString()))) {
      assertThat(answer(TAKEN.plusSeconds(5), extra.toArray(String[]::new)))
          .as(String.join(" ", extra)).isEmpty();
    }
    assertThat(answer(TAKEN.plusSeconds(3600))).as("an hour-old cache").isEmpty();
    assertThat(Files.readString(notState)).startsWith("root:x:0:0");
    assertThat(tmp.resolve("absent")).doesNotExist();
  }

  private Optional<ClusterPluginRuns.Answer> answer(Instant now, String... extra)
      throws IOException {
    Path config = Files.writeString(tmp.resolve("warden.yaml"), "daemon: {}\n");
    List<String> args = new ArrayList<>(List.of("--endpoints", ENDPOINT.toString(),
        "--daemon", "127.0.0.1:" + PORT, "--config", config.toString()));
    args.addAll(List.of(extra));
    return new ClusterPluginRuns(Clock.fixed(now, ZoneOffset.UTC)).answer(
        new ClusterPluginRuns.Request(args, Map.of(), survey(), "127.0.0.1", PORT,
            CallerAccess.daemonUid()));
  }

  private static CachedSurvey survey() {
    MemberStatus m = new MemberStatus("etcd0", "8e9e05c52164694d", ENDPOINT.toString(),
        true, true, false, "8e9e05c52164694d", "3.7.3", 20480, 16384, 2, 8, 8, List.of(),
        List.of(), 3);
    return new CachedSurvey(new ClusterReport(TAKEN, "cdf818194e3a8c32", List.of(m)),
        Map.of("etcd0", Instant.parse("2027-11-23T00:00:00Z")), List.of(ENDPOINT));
  }
}
