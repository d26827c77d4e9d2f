package io.etcdwarden.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Await FAST = Await.every(Duration.ofMillis(5));

  @Test
  void returnsAsSoonAsTheConditionHolds() {
    AtomicInteger asked = new AtomicInteger();
    FAST.await(Duration.ofSeconds(10), "the third look", () -> asked.incrementAndGet() == 3);
    assertThat(asked).hasValue(3);
  }

  @Test
  void returnsTheValueThatWasAccepted() {
    AtomicInteger counter = new AtomicInteger();
    int value = FAST.await(Duration.ofSeconds(10), "a count of 4", counter::incrementAndGet,
        n -> n >= 4);
    assertThat(value).isEqualTo(4);
  }

  @Test
  void failsNamingWhatAndTheLastValueSeen() {
    AtomicInteger counter = new AtomicInteger();
    assertThatThrownBy(() -> FAST.await(SHORT, "a negative count", counter::incrementAndGet,
        n -> n < 0))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("gave up after 300 ms waiting for a negative count; last value: ")
        .hasMessageEndingWith(": " + counter.get());
  }

  @Test
  void anExceptionIsNotYetAndTheLastOneIsReportedAsTheCause() {
    assertThatThrownBy(() -> FAST.await(SHORT, "a file", () -> {
      throw new IOException("no such file: x");
    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("waiting for a file; last attempt threw java.io.IOException: no"
            + " such file: x")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aConditionThatRecoversFromExceptionsStillCounts() {
    AtomicInteger asked = new AtomicInteger();
    FAST.await(Duration.ofSeconds(10), "the second look", () -> {
      if (asked.incrementAndGet() < 2) {
        throw new IllegalStateException("not yet");
      }
      return true;
    });
    assertThat(asked).hasValue(2);
  }

  @Test
  void anAssertionErrorFromTheConditionEndsTheWaitAtOnce() {
    AtomicInteger asked = new AtomicInteger();
    assertThatThrownBy(() -> FAST.await(Duration.ofSeconds(10), "a live process", () -> {
      asked.incrementAndGet();
      throw new AssertionError("the process exited");
    })).isInstanceOf(AssertionError.class).hasMessage("the process exited");
    assertThat(asked).hasValue(1);
  }

  @Test
  void theStaticFormPollsAtTheDefaultInterval() {
    long start = System.nanoTime();
    AtomicInteger asked = new AtomicInteger();
    Await.until(Duration.ofSeconds(10), "the second look", () -> asked.incrementAndGet() == 2);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Await.DEFAULT_INTERVAL);
  }

  @Test
  void refusesAnIntervalThatIsNotPositive() {
    assertThatThrownBy(() -> Await.every(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poll interval");
  }
}
