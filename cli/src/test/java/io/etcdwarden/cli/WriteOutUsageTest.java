package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A format -w does not know, a clash with --json, and an ETCDCTL_* variable etcd-warden does not
 * support are each one line and a usage exit, before anything is contacted (the endpoint here
 * would refuse).
 */
class WriteOutUsageTest {
  private static final Map<String, String> NOWHERE =
      Map.of("ETCDCTL_ENDPOINTS", "http://127.0.0.1:1");

  @Test
  void anUnknownFormatIsOneUsageLineNamingTheChoices() {
    for (String[] args : new String[][] {{"health", "-w", "yaml"},
        {"member", "list", "--write-out=simple"}, {"maintenance", "status", "-w", "protobuf"},
        {"snapshots", "list", "--target", "file:///nonexistent", "-w", "xml"}}) {
      assertThat(usageLine(NOWHERE, args)).contains("-w/--write-out: unknown format")
          .contains("give table, json or fields");
    }
  }

  @Test
  void anUnknownFormatInTheEnvironmentIsNamed() {
    assertThat(memberListWith("ETCDCTL_WRITE_OUT", "simple"))
        .contains("ETCDCTL_WRITE_OUT: unknown format 'simple'");
  }

  @Test
  void jsonAndAnotherFormatTogetherAreRefused() {
    assertThat(usageLine(NOWHERE, "health", "--json", "-w", "fields"))
        .contains("--json is -w json");
  }

  @Test
  void aPluginTakesNoWriteOutAndSaysUnknownWithExitThree() {
    CliRun run = CliRun.run(NOWHERE, "check", "cluster", "--write-out", "json");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out().lines()).as(run.toString()).hasSize(1);
    assertThat(run.out()).startsWith("ETCD_CLUSTER UNKNOWN:").contains("--write-out");
  }

  @Test
  void anUnsupportedEtcdctlVariableIsRefusedInOneLine() {
    assertThat(memberListWith("ETCDCTL_KEEPALIVE_TIME", "30s"))
        .contains("ETCDCTL_KEEPALIVE_TIME is set ('30s') but not supported");
  }

  @Test
  void theOldTimeoutNameAndTheNewOneTogetherAreRefused() {
    assertThat(usageLine(NOWHERE, "member", "list", "--timeout", "1s", "--command-timeout",
        "2s")).contains("--timeout is the older name of --command-timeout");
  }

  /** {@code member list}'s usage line with {@code variable} set beside the endpoint. */
  private static String memberListWith(String variable, String value) {
    Map<String, String> env = new HashMap<>(NOWHERE);
    env.put(variable, value);
    return usageLine(env, "member", "list");
  }

  /** Runs the CLI, which must refuse with exit 2, nothing on stdout and one line on stderr. */
  private static String usageLine(Map<String, String> env, String... args) {
    CliRun run = CliRun.run(env, args);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.err().lines()).as(run.toString()).hasSize(1);
    return run.err();
  }
}
