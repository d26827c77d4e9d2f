package io.etcdwarden.checks.cluster;

import static io.etcdwarden.checks.cluster.Members.down;
import static io.etcdwarden.checks.cluster.Members.report;
import static io.etcdwarden.checks.cluster.Members.up;
import static io.etcdwarden.checks.cluster.Members.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClusterCheckTest {
  private static final ClusterThresholds DEFAULTS = ClusterThresholds.defaults();

  private static CheckResult check(ClusterReport report) {
    return ClusterCheck.evaluate(report, DEFAULTS, List.of());
  }

  private static CheckResult check(ClusterReport report, ClusterThresholds limits) {
    return ClusterCheck.evaluate(report, limits, List.of());
  }

  @Test
  void healthyClusterIsOkWithOneLinePerMemberAndStablePerfdata() {
    CheckResult result = check(Members.healthy());

    assertThat(result.overall()).isEqualTo(State.OK);
    assertThat(result.summary()).isEqualTo(
        "3 of 3 voting members working, leader etcd0, DB 20.0 KiB is 0.0% of quota 2.0 GiB (etcd0)");
    assertThat(result.details()).hasSize(3).first().asString()
        .startsWith("etcd0 a1: up leader v3.4.23 db 20.0 KiB lag 0 rtt 3 ms");
    assertThat(result.allPerfdata()).extracting(Perfdata::label).containsExactly("members",
        "members_healthy", "has_leader", "alarms", "db_size", "db_used_pct", "apply_lag",
        "rtt_max", "rtt_etcd0", "rtt_etcd1", "rtt_etcd2");
    assertThat(result.allPerfdata().get(1).render()).isEqualTo("'members_healthy'=3;3:;2:;0;3");
  }

  @Test
  void oneMemberDownWarnsAndNamesIt() {
    CheckResult result = check(report(up("etcd0", "a1"), up("etcd1", "b2"),
        down("etcd2", "c3")));

    assertThat(result.overall()).isEqualTo(State.WARNING);
    assertThat(result.summary()).isEqualTo("1 of 3 members down (etcd2)");
    assertThat(result.details().get(2)).isEqualTo("etcd2 c3: DOWN connection refused");
  }

  @Test
  void quorumLostIsCritical() {
    ClusterReport lost = report(with(up("etcd0", "a1"), "3.4.23", 100, List.of(),
        List.of("etcdserver: no leader"), ""), down("etcd1", "b2"), down("etcd2", "c3"));

    CheckResult result = check(lost);

    assertThat(result.overall()).isEqualTo(State.CRITICAL);
    assertThat(result.summary()).startsWith("quorum lost: 0 of 3 voting members working, 2 needed"
        + "; no leader; etcd0 reports etcdserver: no leader; 2 of 3 members down");
  }

  @Test
  void nospaceAlarmIsCriticalEvenThoughEveryMemberAnswers() {
    ClusterReport full = report(with(up("etcd0", "a1"), "3.4.23", 100, List.of("NOSPACE"),
        List.of(), "a1"), up("etcd1", "b2"), up("etcd2", "c3"));

    assertThat(check(full).overall()).isEqualTo(State.CRITICAL);
    assertThat(check(full).summary()).isEqualTo("alarm NOSPACE on etcd0");
  }

  @Test
  void unreadableAlarmListIsUnknownNotSilence() {
    ClusterReport report = new ClusterReport(Instant.EPOCH, "c1", Members.healthy().members(),
        "alarm list not readable: deadline exceeded");

    CheckResult result = check(report);

    assertThat(result.overall()).isEqualTo(State.UNKNOWN);
    assertThat(result.allPerfdata()).extracting(Perfdata::label).doesNotContain("alarms");
  }

  @Test
  void leadersThatDisagreeAreCritical() {
    ClusterReport split = report(up("etcd0", "a1"), with(up("etcd1", "b2"), "3.4.23", 100,
        List.of(), List.of(), "b2"), up("etcd2", "c3"));

    assertThat(check(split).summary()).isEqualTo("members disagree on the leader (a1, b2)");
  }

  @Test
  void dbSizeAgainstQuotaWarnsAt80AndIsCriticalAt95Percent() {
    ClusterThresholds small = DEFAULTS.toBuilder().quotaBytes(1000).build();

    assertThat(check(report(Members.sized("etcd0", "a1", 790, 790)), small).overall())
        .isEqualTo(State.OK);
    assertThat(check(report(Members.sized("etcd0", "a1", 850, 850)), small).overall())
        .isEqualTo(State.WARNING);
    assertThat(check(report(Members.sized("etcd0", "a1", 960, 960)), small).overall())
        .isEqualTo(State.CRITICAL);
  }

  @Test
  void mostlyFreeLargeDbWantsDefragmenting() {
    long mib = 1024 * 1024;
    CheckResult result = check(report(Members.sized("etcd0", "a1", 400 * mib, 150 * mib)));

    assertThat(result.overall()).isEqualTo(State.WARNING);
    assertThat(result.summary()).isEqualTo("defragment etcd0: 150.0 MiB of 400.0 MiB in use");
    assertThat(check(report(Members.sized("etcd0", "a1", 150 * mib, 50 * mib))).overall())
        .isEqualTo(State.OK);
  }

  @Test
  void applyLagThresholds() {
    MemberStatus lagging = with(up("etcd1", "b2"), "3.4.23", 100 + 1500, List.of(), List.of(),
        "a1");
    assertThat(check(report(up("etcd0", "a1"), lagging)).summary())
        .isEqualTo("apply lag 1500 entries (etcd1)");
    MemberStatus far = with(up("etcd1", "b2"), "3.4.23", 100 + 6000, List.of(), List.of(), "a1");
    assertThat(check(report(up("etcd0", "a1"), far)).overall()).isEqualTo(State.CRITICAL);
  }

  @Test
  void versionSkewWarns() {
    ClusterReport mixed = report(up("etcd0", "a1"), with(up("etcd1", "b2"), "3.5.9", 100,
        List.of(), List.of(), "a1"));

    assertThat(check(mixed).summary())
        .isEqualTo("version skew: 3.4.23 (etcd0) vs 3.5.9 (etcd1)");
  }

  @Test
  void expectedMemberCountMismatchWarns() {
    ClusterThresholds five = DEFAULTS.toBuilder().expectedMembers(OptionalInt.of(5)).build();

    assertThat(check(Members.healthy(), five).summary()).isEqualTo("3 members, expected 5");
  }

}
