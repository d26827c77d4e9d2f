package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.daemon.DaemonSettings;
import io.etcdwarden.daemon.WardenDaemon;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.HealthyClusterVerdict;
import io.etcdwarden.testkit.nrpe.CheckNrpe;
import io.etcdwarden.testkit.nrpe.NrpeDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm path end to end: a daemon surveys the cluster, the real NRPE runs the packaged
 * check_etcd_cluster as nagios, and check_nrpe sees the cached answer while the daemon runs and
 * a live one once it is gone; a cache older than --max-cache-age is never used.
 */
class DaemonWarmPathIT {
  /** Each look runs a check: every 200 ms. */
  private static final Await POLL = Await.every(Duration.ofMillis(200));

  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path tmp;

  @Test
  void cachedWhileTheDaemonRunsLiveWhenItIsGone() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    WardenDaemon daemon = WardenDaemon.start(settings(Duration.ofSeconds(2)));
    String listen = "127.0.0.1:" + daemon.address().getPort();
    NrpeDaemon nrpe = null;
    try {
      install("--daemon " + listen + " -t 8");
      nrpe = NrpeDaemon.start(tmp, tmp.resolve("nrpe.d"), "nagios");
      CheckNrpe.Answer cached = awaitCached(nrpe);

      assertThat(cached.exitCode()).as(cached.output()).isEqualTo(HealthyClusterVerdict.exitCode());
      assertThat(cached.output()).startsWith("ETCD_CLUSTER " + HealthyClusterVerdict.summary(3))
          .containsPattern("from daemon cache, \\d+ s old");

      daemon.close();
      CheckNrpe.Answer live = nrpe.query("check_etcd_cluster");

      assertThat(live.exitCode()).as(live.output()).isEqualTo(HealthyClusterVerdict.exitCode());
      assertThat(live.output()).startsWith("ETCD_CLUSTER " + HealthyClusterVerdict.summary(3))
          .contains("live check: daemon not reachable at 127.0.0.1:" + daemon.address().getPort());
    } finally {
      daemon.close();
      if (nrpe != null) {
        nrpe.close();
      }
    }
  }

  @Test
  void theDaemonAnswersNrpeRunsAndTheStateFileStaysTheNagiosUsers() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (WardenDaemon daemon = WardenDaemon.start(settings(Duration.ofHours(1)))) {
      String listen = "127.0.0.1:" + daemon.address().getPort();
      install("--daemon " + listen + " -t 8");
      try (NrpeDaemon nrpe = NrpeDaemon.start(tmp, tmp.resolve("nrpe.d"), "nagios")) {
        // the first run, with no state file yet, is the JVM plugin's: it creates the file
        CheckNrpe.Answer first = awaitCached(nrpe);
        Path state = tmp.resolve("credentials").resolve("leader-terms.state");
        assertThat(first.output()).contains("from daemon cache");
        String owner = Files.getOwner(state).getName();
        var mode = Files.getPosixFilePermissions(state);

        CheckNrpe.Answer served = nrpe.query("check_etcd_cluster");

        assertThat(served.exitCode()).as(served.output())
            .isEqualTo(HealthyClusterVerdict.exitCode());
        assertThat(served.output()).startsWith("ETCD_CLUSTER " + HealthyClusterVerdict.summary(3))
            .containsPattern("from daemon cache, \\d+ s old");
        assertThat(metrics(listen)).containsPattern(
            "etcd_warden_plugin_runs_total\\{outcome=\"served\"} [1-9]");
        assertThat(owner).isEqualTo("nagios");
        assertThat(Files.getOwner(state).getName()).isEqualTo(owner);
        assertThat(Files.getPosixFilePermissions(state)).isEqualTo(mode);
        assertThat(Files.readAllLines(state)).hasSizeGreaterThanOrEqualTo(2);
      }
    }
  }

  private static String metrics(String listen) throws Exception {
    try (var in = java.net.URI.create("http://" + listen + "/metrics").toURL().openStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void aStaleCacheIsNeverUsed() throws Exception {
    try (WardenDaemon daemon = WardenDaemon.start(settings(Duration.ofHours(1)))) {
      String listen = "127.0.0.1:" + daemon.address().getPort();
      Map<String, String> env = etcd.etcdctlEnvironment();
      CliRun first = awaitCliCached(env, listen);
      assertThat(first.out()).containsPattern("from daemon cache, \\d+ s old");

      // the survey stays the hour-old one; a 1 s bound makes it stale as soon as it is 2 s old
      CliRun stale = POLL.await(Duration.ofSeconds(20), "a live check past the stale cache",
          () -> CliRun.run(env, "check", "cluster", "--daemon", listen, "--max-cache-age", "1s"),
          run -> run.out().contains("live check: daemon cache"));

      assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(HealthyClusterVerdict.exitCode());
      assertThat(stale.out()).containsPattern("live check: daemon cache \\d+ s old \\(max 1 s");
    }
  }

  @Test
  void statusShowsTheDaemonsJobs() throws Exception {
    try (WardenDaemon daemon = WardenDaemon.start(settings(Duration.ofSeconds(30)))) {
      String listen = "127.0.0.1:" + daemon.address().getPort();

      CliRun status = CliRun.run(Map.of(), "status", "--daemon", listen);

      assertThat(status.exitCode()).as(status.toString()).isZero();
      assertThat(status.out()).startsWith("daemon warm-it on " + listen + ", up since ")
          .containsPattern("\\nhealth +every 30s +")
          .doesNotContain("snapshot ");
    }
  }

  private DaemonSettings settings(Duration healthInterval) {
    return DaemonSettings.of(etcd.target(), BackupSection.defaults(),
        new DaemonSection(healthInterval, "127.0.0.1", 0, Duration.ofSeconds(3),
            tmp.resolve("state")), "test").withInstance("warm-it")
        .withStopGrace(Duration.ofSeconds(5));
  }

  private void install(String checkArgs) {
    Map<String, String> env = etcd.etcdctlEnvironment();
    CliRun install = CliRun.run(Map.of(), "nrpe", "install",
        "--endpoints", env.get("ETCDCTL_ENDPOINTS"), "--cacert", env.get("ETCDCTL_CACERT"),
        "--cert", env.get("ETCDCTL_CERT"), "--key", env.get("ETCDCTL_KEY"),
        "--plugin", Dist.plugin().toString(), "--check-args", checkArgs,
        "--nrpe-dir", tmp.resolve("nrpe.d").toString(),
        "--export-dir", tmp.resolve("export").toString(),
        "--credentials-dir", tmp.resolve("credentials").toString(),
        "--nagios-context", "it", "--unit-name", "etcd/0");
    assertThat(install.exitCode()).as(install.toString()).isZero();
  }

  /** The daemon's first survey comes a moment after it starts. */
  private static CheckNrpe.Answer awaitCached(NrpeDaemon nrpe) {
    return POLL.await(Duration.ofSeconds(30), "check_etcd_cluster answered from the daemon cache",
        () -> nrpe.query("check_etcd_cluster"),
        answer -> answer.output().contains("from daemon cache"));
  }

  private static CliRun awaitCliCached(Map<String, String> env, String listen) {
    return POLL.await(Duration.ofSeconds(30), "check cluster answered from the daemon cache",
        () -> CliRun.run(env, "check", "cluster", "--daemon", listen),
        run -> run.out().contains("from daemon cache"));
  }
}
