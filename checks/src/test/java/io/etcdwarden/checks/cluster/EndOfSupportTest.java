package io.etcdwarden.checks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndOfSupportTest {
  private static final Clock DECEMBER_2026 =
      Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
  private static final Clock ON_THE_LAST_DAY =
      Clock.fixed(Instant.parse("2026-05-15T23:59:00Z"), ZoneOffset.UTC);

  private static ClusterReport running(String... versions) {
    return Members.report(
        Members.with(Members.up("etcd0", "a1"), versions[0], 100, List.of(), List.of(), "a1"),
        Members.with(Members.up("etcd1", "b2"), versions[1], 100, List.of(), List.of(), "a1"),
        Members.down("etcd2", "c3"));
  }

  @Test
  void aLinePastItsEndWarnsNamingTheDateTheMembersAndTheNextLine() {
    CheckResult result = new EndOfSupport(DECEMBER_2026).evaluate(running("3.4.23", "3.4.23"));

    assertThat(result.overall()).isEqualTo(State.WARNING);
    assertThat(result.summary()).isEqualTo(
        "etcd 3.4 is past its end of support (2026-05-15) on etcd0, etcd1: upgrade to 3.5");
  }

  @Test
  void supportedLinesTheLastDayAndUnreadableVersionsAreOk() {
    assertThat(new EndOfSupport(DECEMBER_2026).evaluate(running("3.5.30", "3.7.3")).overall())
        .isEqualTo(State.OK);
    assertThat(new EndOfSupport(ON_THE_LAST_DAY).evaluate(running("3.4.23", "3.4.23"))
        .overall()).isEqualTo(State.OK);
    assertThat(new EndOfSupport(DECEMBER_2026).evaluate(running("3.9.1", "garbage")).overall())
        .isEqualTo(State.OK);
  }

  @Test
  void onlyTheMembersOnTheOldLineAreNamedAndTheSkewWarningStays() {
    ClusterReport mixed = running("3.4.23", "3.5.30");
    CheckResult whole = ClusterCheck.evaluate(mixed, ClusterThresholds.defaults(),
        List.of(new EndOfSupport(DECEMBER_2026)));

    assertThat(whole.summariesIn(State.WARNING)).contains(
        "etcd 3.4 is past its end of support (2026-05-15) on etcd0: upgrade to 3.5",
        "version skew: 3.4.23 (etcd0) vs 3.5.30 (etcd1)");
  }

  @Test
  void everyCheckClusterRunJudgesIt() {
    EtcdTarget target = new EtcdTarget(List.of(URI.create("https://127.0.0.1:1")),
        Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Map.of());
    List<ExtraCondition> extras = ClusterExtras.of(target, ClusterThresholds.defaults(),
        Optional.empty(), DECEMBER_2026);

    assertThat(extras).anyMatch(e -> e instanceof EndOfSupport);
  }
}
