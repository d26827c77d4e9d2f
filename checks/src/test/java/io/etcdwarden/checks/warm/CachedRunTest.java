package io.etcdwarden.checks.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's serving policy for a plugin run, on real files: it judges its own cache only for
 * a run the plugin would have answered from it, and declines everything else before reading
 * or writing anything for the caller.
 */
class CachedRunTest {
  private static final Instant TAKEN = Instant.parse("2026-11-23T22:00:00Z");
  private static final URI ENDPOINT = URI.create("https://127.0.0.1:2379");
  private static final URI DAEMON = URI.create("http://127.0.0.1:2389");
  private static final Duration MAX_AGE = Duration.ofMinutes(2);
  private static final int ME = CallerAccess.daemonUid();
  @TempDir Path tmp;

  @Test
  void aFreshCacheForTheSameDaemonAndEndpointsIsServed() {
    CachedRun run = run(TAKEN.plusSeconds(5));

    DaemonCache.Answer answer = run.ask(files(null, null), target(), DAEMON, MAX_AGE);

    assertThat(answer.survey()).isPresent();
    assertThat(answer.detail()).isEqualTo("from daemon cache, 5 s old");
    assertThat(run.served()).isTrue();
  }

  @Test
  void whatThePluginWouldNotAnswerFromThisCacheIsNotServed() {
    assertThatThrownBy(() -> run(TAKEN.plusSeconds(600)).ask(files(null, null), target(), DAEMON,
        MAX_AGE)).isInstanceOf(CachedRun.NotServed.class).hasMessageContaining("s old");
    assertThatThrownBy(() -> run(TAKEN).ask(files(null, null), target(),
        URI.create("http://127.0.0.1:1"), MAX_AGE)).isInstanceOf(CachedRun.NotServed.class);
    assertThatThrownBy(() -> run(TAKEN).ask(files(null, null),
        target().withEndpoints(List.of(URI.create("https://127.0.0.2:2379"))), DAEMON, MAX_AGE))
        .isInstanceOf(CachedRun.NotServed.class).hasMessageContaining("other endpoints");
    assertThatThrownBy(() -> run(TAKEN).ask(files(Path.of("warden.yaml"), null), target(),
        DAEMON, MAX_AGE)).isInstanceOf(CachedRun.NotServed.class).hasMessage("a relative path");
    CachedRun beforeLive = run(TAKEN);
    assertThatThrownBy(() -> beforeLive.beforeLive("live check: --no-daemon"))
        .isInstanceOf(CachedRun.NotServed.class);
    assertThat(beforeLive.served()).isFalse();
  }

  @Test
  void onlyALeaderChangeStateFileIsRewrittenAndGetsItsModeBack() throws IOException {
    Path state = Files.writeString(tmp.resolve("terms"), "1764000000000 7\n");
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));
    Path notState = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");

    CachedRun run = run(TAKEN);
    assertThat(run.ask(files(null, state), target(), DAEMON, MAX_AGE).survey()).isPresent();
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(run.restoreStateFile()).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-------");

    assertThatThrownBy(() -> run(TAKEN).ask(files(null, notState), target(), DAEMON, MAX_AGE))
        .isInstanceOf(CachedRun.NotServed.class).hasMessageContaining("not a leader-change");
    assertThatThrownBy(() -> run(TAKEN).ask(files(null, tmp.resolve("absent")), target(),
        DAEMON, MAX_AGE)).isInstanceOf(CachedRun.NotServed.class);
    assertThat(tmp.resolve("absent")).doesNotExist();
  }

  @Test
  void aFileTheCallerCouldNotReadIsNotServed() throws IOException {
    Path key = Files.writeString(tmp.resolve("client.key"), "key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    int someoneElse = ME == 0 ? 65534 : ME + 1;
    CachedRun stranger = new CachedRun(survey(), "127.0.0.1", DAEMON.getPort(),
        Clock.fixed(TAKEN, ZoneOffset.UTC), new CallerAccess(someoneElse, ME == 0 ? 0 : ME));

    assertThatThrownBy(() -> stranger.readable(List.of(key)))
        .isInstanceOf(CachedRun.NotServed.class).hasMessageContaining(key.toString());
    run(TAKEN).readable(List.of(key));
  }

  private static WarmSource.RunFiles files(Path config, Path stateFile) {
    return new WarmSource.RunFiles(Optional.ofNullable(config), Optional.ofNullable(stateFile));
  }

  private static CachedRun run(Instant now) {
    return new CachedRun(survey(), "[127.0.0.1]", DAEMON.getPort(),
        Clock.fixed(now, ZoneOffset.UTC), new CallerAccess(ME, ME));
  }

  private static EtcdTarget target() {
    return new EtcdTarget(List.of(ENDPOINT), Optional.empty(), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(5), Map.of());
  }

  private static CachedSurvey survey() {
    MemberStatus m = new MemberStatus("etcd0", "8e9e05c52164694d", ENDPOINT.toString(),
        true, true, false, "8e9e05c52164694d", "3.4.23", 20480, 16384, 2, 8, 8, List.of(),
        List.of(), 3);
    return new CachedSurvey(new ClusterReport(TAKEN, "cdf818194e3a8c32", List.of(m)),
        Map.of("etcd0", Instant.parse("2027-11-23T00:00:00Z")), List.of(ENDPOINT));
  }
}
