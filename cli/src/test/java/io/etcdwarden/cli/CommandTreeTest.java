package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

/** The whole command tree, as picocli's completion and the packaged man page read it. */
class CommandTreeTest {
  @Test
  void theTreeHoldsEveryCommandAndTheirSubcommands() {
    CommandLine tree = EtcdWarden.commandTree(Map.of());

    assertThat(tree.getSubcommands()).containsKeys("snapshot", "snapshots", "restore", "daemon",
        "check", "install", "certs", "maintenance");
    assertThat(tree.getSubcommands().get("snapshots").getSubcommands())
        .containsKeys("list", "verify", "prune");
  }

  @Test
  void bashCompletionOffersTheSubcommands() {
    String script = AutoComplete.bash("etcd-warden", EtcdWarden.commandTree(Map.of()));

    assertThat(script).contains("snapshots", "restore", "daemon", "maintenance")
        .contains("--endpoints");
  }
}
