package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A group command run without a subcommand is a usage error whose one line names the group's
 * subcommands in their declared order, as each group spelled it out before they shared {@link
 * GroupCommand}.
 */
class GroupCommandTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ca          | init",
      "keys        | generate",
      "maintenance | status",
      "nrpe        | render or install",
      "certs       | status, renew, rotate-ca, request or sign",
      "snapshots   | list, verify, prune, drill or reencrypt"})
  void aGroupAloneNamesItsSubcommands(String group, String subcommands) {
    CliRun run = CliRun.run(Map.of(), group);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("etcd-warden: missing command: " + subcommands
        + " (see 'etcd-warden " + group + " --help')");
    assertThat(run.out()).isEmpty();
  }
}
