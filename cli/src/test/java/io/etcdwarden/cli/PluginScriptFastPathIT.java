package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.HealthyClusterVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bin/check_etcd_cluster against a daemon process from the same distribution: the
 * daemon answers the run itself (proved by a JAVA_HOME with no java in it, which the JVM
 * fallback could not start), with the very text the JVM plugin prints; bad arguments, the
 * ETCD_WARDEN_NO_FAST switch and a stopped daemon all fall back to the JVM plugin.
 */
class PluginScriptFastPathIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path tmp;

  @Test
  void theDaemonAnswersTheScriptAndTheJvmTakesOverWhenItCannot() throws Exception {
    Map<String, String> env = etcd.etcdctlEnvironment();
    Path config = Files.writeString(tmp.resolve("warden.yaml"), String.join("\n", "etcd:",
        "  endpoints: " + env.get("ETCDCTL_ENDPOINTS"), "  cacert: " + env.get("ETCDCTL_CACERT"),
        "  cert: " + env.get("ETCDCTL_CERT"), "  key: " + env.get("ETCDCTL_KEY"), "daemon:",
        "  health_interval: 1h", "  listen: 127.0.0.1:0",
        "  state_dir: " + tmp.resolve("state"), ""));
    Path log = tmp.resolve("daemon.log");
    Process daemon = new ProcessBuilder(Dist.plugin().resolveSibling("etcd-warden").toString(),
        "daemon", "--config", config.toString()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      String listen = awaitListening(daemon, log);
      List<String> args = List.of("--endpoints", env.get("ETCDCTL_ENDPOINTS"), "--cacert",
          env.get("ETCDCTL_CACERT"), "--cert", env.get("ETCDCTL_CERT"), "--key",
          env.get("ETCDCTL_KEY"), "--daemon", listen);
      Map<String, String> noJava = Map.of("JAVA_HOME", tmp.resolve("no-jdk").toString());

      Run fast = awaitCached(args, noJava, log);
      // The JVM plugin gives the daemon 200 ms; on a loaded machine one ask may miss that.
      Run jvm = awaitCached(args, Map.of("ETCD_WARDEN_NO_FAST", "1"), log);

      assertThat(fast.code()).as(fast.out()).isEqualTo(HealthyClusterVerdict.exitCode());
      assertThat(fast.out()).startsWith("ETCD_CLUSTER " + HealthyClusterVerdict.summary(3))
          .containsPattern("\nfrom daemon cache, \\d+ s old\n");
      assertThat(jvm.code()).as(jvm.out()).isEqualTo(HealthyClusterVerdict.exitCode());
      assertThat(ageless(fast.out())).isEqualTo(ageless(jvm.out()));

      List<String> signs = plus(args, "--cert-warning", "@0:29", "--max-cache-age", "10m",
          "--expected-members=3");
      Run encoded = script(signs, noJava);
      assertThat(encoded.code()).as(encoded.out()).isEqualTo(HealthyClusterVerdict.exitCode());
      assertThat(ageless(encoded.out())).isEqualTo(ageless(awaitCached(signs,
          Map.of("ETCD_WARDEN_NO_FAST", "1"), log).out()));

      Run warning = script(plus(args, "-w", "0"), noJava);
      assertThat(warning.code()).as(warning.out()).isEqualTo(1);
      assertThat(warning.out()).startsWith("ETCD_CLUSTER WARNING: ");

      Map<String, String> etcdctlOnly = new HashMap<>(env);
      etcdctlOnly.putAll(noJava);
      Run fromEnvironment = script(List.of("--daemon", listen), etcdctlOnly);
      assertThat(fromEnvironment.code()).as(fromEnvironment.out())
          .isEqualTo(HealthyClusterVerdict.exitCode());
      assertThat(fromEnvironment.out()).contains("from daemon cache");

      Run badArgument = script(plus(args, "-w", "bogus"), Map.of());
      assertThat(badArgument.code()).as(badArgument.out()).isEqualTo(3);
      assertThat(badArgument.out()).startsWith("ETCD_CLUSTER UNKNOWN: ");

      Map<String, String> switchedOff = new HashMap<>(noJava);
      switchedOff.put("ETCD_WARDEN_NO_FAST", "1");
      assertThat(script(args, switchedOff).code()).as("the JVM could not start")
          .isNotIn(0, 1, 2, 3);

      daemon.destroy();
      assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Run live = script(args, Map.of());

      assertThat(live.code()).as(live.out()).isEqualTo(HealthyClusterVerdict.exitCode());
      assertThat(live.out()).startsWith("ETCD_CLUSTER " + HealthyClusterVerdict.summary(3))
          .contains("live check: daemon not reachable at " + listen);
    } finally {
      daemon.destroyForcibly();
      daemon.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private record Run(int code, String out) {}

  /** The script as NRPE runs it: no ETCDCTL_* variables unless given, stdout and stderr. */
  private Run script(List<String> args, Map<String, String> env) throws Exception {
    List<String> command = new ArrayList<>(List.of(Dist.plugin().toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("ETCDCTL_")
        || k.startsWith("ETCD_WARDEN_"));
    builder.environment().putAll(env);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("check_etcd_cluster did not finish: " + out);
    }
    return new Run(p.exitValue(), out);
  }

  /**
   * A run that judged the daemon's survey: its first comes a moment after it starts, and the
   * JVM plugin's short wait for it may pass on a loaded machine.
   */
  private Run awaitCached(List<String> args, Map<String, String> env, Path log)
      throws Exception {
    try {
      return Await.every(Duration.ofMillis(200)).await(Duration.ofSeconds(30),
          "check_etcd_cluster answered from the daemon's survey", () -> script(args, env),
          run -> run.out().contains("from daemon cache"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + Files.readString(log), e);
    }
  }

  private static String awaitListening(Process daemon, Path log) throws Exception {
    Pattern listening = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");
    try {
      Matcher m = Await.until(Duration.ofSeconds(30), "the daemon listening", () -> {
        if (!daemon.isAlive()) {
          throw new AssertionError("the daemon exited");
        }
        return listening.matcher(read(log));
      }, Matcher::find);
      return m.group(1);
    } catch (AssertionError e) {
      throw new AssertionError("the daemon never listened (" + e.getMessage() + "):\n"
          + read(log), e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static List<String> plus(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  private static String ageless(String text) {
    return text.replaceAll("from daemon cache, \\d+ s old", "from daemon cache, N s old");
  }
}
