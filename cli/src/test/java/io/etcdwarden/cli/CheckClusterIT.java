package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.HealthyClusterVerdict;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** check_etcd_cluster as Nagios runs it, on a real 3-member TLS cluster losing members. */
class CheckClusterIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);

  private static CliRun check(String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "check";
    args[1] = "cluster";
    System.arraycopy(extra, 0, args, 2, extra.length);
    return CliRun.run(etcd.etcdctlEnvironment(), args);
  }

  @Test
  @Tag("etcd-versions")
  void healthyClusterIsOkWithPerfdataAndOneLinePerMember() {
    CliRun run = check();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(HealthyClusterVerdict.exitCode());
    assertThat(run.out()).startsWith("ETCD_CLUSTER " + HealthyClusterVerdict.summary(3))
        .contains(" | 'members'=3;;;0 'members_healthy'=3;3:;2:;0;3 'has_leader'=1 'alarms'=0;;;0")
        .contains("'db_used_pct'=").contains("'rtt_max'=")
        .containsPattern("'cert_days_left'=36[0-9];30:;7:");
    assertThat(run.out().lines().skip(1).filter(l -> l.matches("etcd[0-2] [0-9a-f]+: up .*")))
        .hasSize(3);
    assertThat(run.err()).isEmpty();
  }

  @Test
  @Tag("etcd-versions")
  void oneMemberKilledIsWarning() {
    etcd.member(2).kill();
    Elections.awaitLeader(etcd, Duration.ofSeconds(20));

    CliRun run = check();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).startsWith("ETCD_CLUSTER WARNING: 1 of 3 members down (etcd2)")
        .contains("'members_healthy'=2;");
  }

  @Test
  @Tag("etcd-versions")
  void twoMembersKilledIsCriticalWithinTheDeadline() {
    etcd.member(1).kill();
    etcd.member(2).kill();
    long started = System.nanoTime();

    CliRun run = check("-t", "4");

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).startsWith("ETCD_CLUSTER CRITICAL: ");
    assertThat(run.out().lines().findFirst().orElseThrow()).containsAnyOf("quorum lost",
        "no answer within");
    assertThat(took).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  @Tag("etcd-versions")
  void tightDbThresholdWarnsThroughTheFlags() {
    CliRun run = check("-w", "0.000001", "-c", "50");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).startsWith("ETCD_CLUSTER WARNING: DB ").contains(";0.000001;50;0;100");
  }

  @Test
  void leaderChangesAreCountedFromTheSecondRunWithAStateFile(@TempDir Path tmp) {
    Path state = tmp.resolve("terms");

    CliRun first = check("--state-file", state.toString());
    CliRun second = check("--state-file", state.toString());

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(HealthyClusterVerdict.exitCode());
    assertThat(first.out()).doesNotContain("'leader_changes'");
    assertThat(state).isRegularFile();
    assertThat(second.out()).contains("'leader_changes'=0c;3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--bogus", "-w", "-w=abc", "--expected-members=x", "-t=soon",
      "--quota-bytes=-1", "--cacert=/nonexistent/ca.pem"})
  void badArgumentsAreUnknownInOneLine(String bad) {
    CliRun run = check(bad);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).startsWith("ETCD_CLUSTER UNKNOWN: ").hasLineCount(1);
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(check("-h").exitCode()).isZero();
    assertThat(check("-h").out()).contains("--db-warning").contains("-t=SECONDS");
    assertThat(check("-V").exitCode()).isZero();
  }
}
