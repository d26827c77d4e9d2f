package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One log line per change of a job's state, not one per healthy interval. */
class StateChangesTest {
  private final StateChanges states = new StateChanges();

  @Test
  void onlyChangesCount() {
    assertThat(states.changed("health", "OK")).isTrue();
    assertThat(states.changed("health", "OK")).isFalse();
    assertThat(states.changed("health", "OK")).isFalse();
    assertThat(states.changed("health", "WARNING")).isTrue();
    assertThat(states.changed("health", "OK")).isTrue();
    assertThat(states.changed("snapshot", "OK")).isTrue();
  }

  @Test
  void aFailureMakesTheNextSuccessAChangeAndStatelessRunsAlwaysCount() {
    states.changed("health", "OK");
    states.failed("health");
    assertThat(states.changed("health", "OK")).isTrue();
    assertThat(states.changed("prune", "")).isTrue();
    assertThat(states.changed("prune", "")).isTrue();
  }
}
