package io.etcdwarden.checks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraConditionsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ClusterReport atTerm(long term) {
    MemberStatus m = Members.up("etcd0", "a1");
    return Members.report(new MemberStatus(m.name(), m.memberId(), m.clientUrl(), true, true,
        false, "a1", "3.4.23", 1, 1, term, 1, 1, List.of(), List.of(), 1));
  }

  private static LeaderChanges changes(Path file, Instant at) {
    return new LeaderChanges(file, ClusterThresholds.defaults().leaderChanges(),
        Clock.fixed(at, ZoneOffset.UTC), LeaderChanges.DEFAULT_WINDOW);
  }

  @Test
  void firstRunIsNotEvaluatedThenTermRisesAreCounted(@TempDir Path tmp) {
    Path state = tmp.resolve("terms");

    CheckResult first = changes(state, T0).evaluate(atTerm(5));
    assertThat(first.overall()).isEqualTo(State.OK);
    assertThat(first.summary()).startsWith("leader changes not evaluated yet");

    CheckResult calm = changes(state, T0.plusSeconds(60)).evaluate(atTerm(7));
    assertThat(calm.overall()).isEqualTo(State.OK);
    assertThat(calm.perfdata()).extracting(Perfdata::render)
        .containsExactly("'leader_changes'=2c;3");

    CheckResult stormy = changes(state, T0.plusSeconds(120)).evaluate(atTerm(9));
    assertThat(stormy.overall()).isEqualTo(State.WARNING);
    assertThat(stormy.summary()).isEqualTo("4 leader changes in the last 2 min");
  }

  @Test
  void observationsOlderThanTheWindowAreForgotten(@TempDir Path tmp) throws Exception {
    Path state = tmp.resolve("terms");
    changes(state, T0).evaluate(atTerm(1));

    CheckResult later = changes(state, T0.plus(Duration.ofMinutes(20))).evaluate(atTerm(50));

    assertThat(later.summary()).startsWith("leader changes not evaluated yet");
    assertThat(Files.readAllLines(state)).hasSize(1);
  }

  @Test
  void unreadableCertificateFileIsUnknownAndNamesIt(@TempDir Path tmp) throws Exception {
    Path junk = Files.writeString(tmp.resolve("ca.pem"), "not a certificate");

    CheckResult result = new CertificateExpiry(List.of(junk), Thresholds.of("30:", "7:"),
        Clock.systemUTC(), Duration.ZERO).evaluate(Members.healthy());

    assertThat(result.overall()).isEqualTo(State.UNKNOWN);
    assertThat(result.summary()).contains(junk.toString());
  }
}
