package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdWardenTest {
  @Test
  void versionNamesTheTool() {
    CliRun run = CliRun.run(Map.of(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("etcd-warden ").doesNotContain("unknown");
  }

  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.run(Map.of(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("health").contains("sandbox");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), "helth");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("helth");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), new String[0]);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing command");
  }

  @Test
  void mistypedFlagIsOneLineNamingItAndWhereHelpIs() {
    CliRun run = CliRun.run(Map.of(), "health", "--bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("--bogus").contains("etcd-warden health --help");
  }

  @Test
  void mistypedPluginCommandIsUnknownNotCritical() {
    CliRun run = CliRun.run(Map.of(), "check", "--bogus");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out().lines()).hasSize(1);
    assertThat(run.out()).startsWith("ETCD UNKNOWN: ").contains("--bogus");
  }

  @Test
  void pluginWithoutItsCheckIsUnknown() {
    CliRun run = CliRun.run(Map.of(), "check");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).startsWith("ETCD UNKNOWN: ");
  }
}
