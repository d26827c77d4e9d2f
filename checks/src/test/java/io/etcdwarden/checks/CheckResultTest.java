package io.etcdwarden.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckResultTest {

  @Test
  void worstStateFollowsMaxStateAlt() {
    assertThat(State.OK.worst(State.UNKNOWN)).isEqualTo(State.UNKNOWN);
    assertThat(State.UNKNOWN.worst(State.WARNING)).isEqualTo(State.WARNING);
    assertThat(State.WARNING.worst(State.UNKNOWN)).isEqualTo(State.WARNING);
    assertThat(State.CRITICAL.worst(State.UNKNOWN)).isEqualTo(State.CRITICAL);
    assertThat(State.WARNING.worst(State.CRITICAL)).isEqualTo(State.CRITICAL);
  }

  @Test
  void exitCodesAreNagiosOnes() {
    assertThat(List.of(State.OK, State.WARNING, State.CRITICAL, State.UNKNOWN))
        .extracting(State::exitCode).containsExactly(0, 1, 2, 3);
  }

  @Test
  void treeStateIsTheWorstLeafAndPerfdataIsCollected() {
    CheckResult deep = new CheckResult(State.OK, "group", List.of(), List.of(),
        List.of(CheckResult.of(State.WARNING, "w", Perfdata.of("b", 2, ""))));
    CheckResult root = new CheckResult(State.OK, "root", List.of(),
        List.of(Perfdata.of("a", 1, "")),
        List.of(CheckResult.of(State.UNKNOWN, "u"), deep));

    assertThat(root.overall()).isEqualTo(State.WARNING);
    assertThat(root.allPerfdata()).extracting(Perfdata::label).containsExactly("a", "b");
    assertThat(root.summariesIn(State.WARNING)).containsExactly("w");
    assertThat(root.summariesIn(State.UNKNOWN)).containsExactly("u");
  }
}
