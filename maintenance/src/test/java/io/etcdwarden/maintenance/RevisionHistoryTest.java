package io.etcdwarden.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionHistoryTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final List<RevisionHistory.Sample> SAMPLES = List.of(
      new RevisionHistory.Sample(100, NOW.minus(Duration.ofHours(3))),
      new RevisionHistory.Sample(250, NOW.minus(Duration.ofHours(2))),
      new RevisionHistory.Sample(400, NOW.minus(Duration.ofMinutes(30))));

  @Test
  void picksTheNewestRevisionAtLeastThatOld() {
    assertThat(RevisionHistory.pick(SAMPLES, Duration.ofHours(1), NOW)).contains(250L);
    assertThat(RevisionHistory.pick(SAMPLES, Duration.ofHours(2), NOW)).contains(250L);
    assertThat(RevisionHistory.pick(SAMPLES, Duration.ofMinutes(150), NOW)).contains(100L);
    assertThat(RevisionHistory.pick(SAMPLES, Duration.ofMinutes(10), NOW)).contains(400L);
  }

  @Test
  void nothingWhenTheHistoryDoesNotReachBack() {
    assertThat(RevisionHistory.pick(SAMPLES, Duration.ofHours(4), NOW)).isEmpty();
    assertThat(RevisionHistory.pick(List.of(), Duration.ofSeconds(1), NOW)).isEmpty();
    assertThat(RevisionHistory.tooShort(SAMPLES, Duration.ofHours(4)).getMessage())
        .startsWith("--retain 4h: the revision history")
        .contains("oldest sample " + SAMPLES.get(0).at()).doesNotContain("\n");
  }

  @Test
  void storedTextRoundTripsAndGarbageStartsAfresh() {
    assertThat(RevisionHistory.parse(RevisionHistory.format(SAMPLES))).isEqualTo(SAMPLES);
    assertThat(RevisionHistory.parse("not a history")).isEmpty();
  }
}
