package io.etcdwarden.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A plugin's budget holds every attempt of a call; without one, the defaults are bounded. */
class StoreCallBoundsTest {
  @Test
  void withinABudgetEveryAttemptFits() {
    for (int seconds : new int[] {1, 5, 10, 30, 600}) {
      Duration budget = Duration.ofSeconds(seconds);
      StoreCallBounds bounds = StoreCallBounds.within(budget);
      assertThat(bounds.worstCase()).as(budget.toString()).isLessThanOrEqualTo(budget);
      assertThat(bounds.attempts()).isEqualTo(2);
    }
    assertThat(StoreCallBounds.within(Duration.ofSeconds(600)).read())
        .isEqualTo(StoreCallBounds.DEFAULT.read());
  }

  @Test
  void theDefaultsFailASilentStoreWithinSeventyFiveSeconds() {
    assertThat(StoreCallBounds.DEFAULT.worstCase()).isEqualTo(Duration.ofSeconds(75));
  }
}
