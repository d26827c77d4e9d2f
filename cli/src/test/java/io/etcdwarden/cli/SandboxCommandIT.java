package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart's story: bring a sandbox up, use it, take it down, bring it back. */
class SandboxCommandIT {
  @TempDir Path tmp;
  private Path dir;

  @AfterEach
  void tearDown() {
    CliRun.run(System.getenv(), "sandbox", "down", "--dir", dir.toString());
  }

  @Test
  void upThenHealthThroughTheExportedEnvironmentThenDownAndUpAgain() {
    dir = tmp.resolve("sandbox");
    Map<String, String> env = System.getenv();

    CliRun up = CliRun.run(env, "sandbox", "up", "--dir", dir.toString(), "--members", "1");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.out()).contains("1 members healthy");

    Map<String, String> exported = exports(CliRun.run(env, "sandbox", "env", "--dir",
        dir.toString()).out());
    assertThat(exported).containsKeys("ETCDCTL_ENDPOINTS", "ETCDCTL_CACERT", "ETCDCTL_CERT",
        "ETCDCTL_KEY");
    assertThat(Files.isRegularFile(Path.of(exported.get("ETCDCTL_KEY")))).isTrue();
    CliRun health = CliRun.run(exported, "health");
    assertThat(health.exitCode()).as(health.toString()).isZero();

    CliRun down = CliRun.run(env, "sandbox", "down", "--dir", dir.toString());
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(dir.resolve("etcd0/etcd.pid")).doesNotExist();
    assertThat(CliRun.run(exported, "health", "--timeout", "1s").exitCode()).isEqualTo(1);

    CliRun again = CliRun.run(env, "sandbox", "up", "--dir", dir.toString());
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(CliRun.run(exported, "health").exitCode()).isZero();

    CliRun purge = CliRun.run(env, "sandbox", "down", "--dir", dir.toString(), "--purge");
    assertThat(purge.exitCode()).as(purge.toString()).isZero();
    assertThat(dir).doesNotExist();
  }

  @Test
  void downOnAFolderWithoutASandboxSaysHowToCreateOne() {
    dir = tmp.resolve("nothing-here");

    CliRun down = CliRun.run(System.getenv(), "sandbox", "down", "--dir", dir.toString());

    assertThat(down.exitCode()).isEqualTo(2);
    assertThat(down.err()).contains("no sandbox cluster").contains("sandbox up");
  }

  private static Map<String, String> exports(String text) {
    Map<String, String> env = new LinkedHashMap<>();
    text.lines().filter(l -> l.startsWith("export ")).forEach(l -> {
      String assignment = l.substring("export ".length());
      int eq = assignment.indexOf('=');
      env.put(assignment.substring(0, eq), assignment.substring(eq + 1).replace("'", ""));
    });
    return env;
  }
}
