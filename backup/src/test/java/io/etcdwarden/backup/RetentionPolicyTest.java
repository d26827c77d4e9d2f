package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exponential retention over a month of archives taken every 30 minutes. */
class RetentionPolicyTest {
  private static final Instant NOW = Instant.parse("2026-06-30T23:45:00Z");

  private static List<RetentionPolicy.Dated> everyHalfHourFor(Duration span) {
    List<RetentionPolicy.Dated> archives = new ArrayList<>();
    for (Instant t = NOW; !t.isBefore(NOW.minus(span)); t = t.minus(Duration.ofMinutes(30))) {
      archives.add(new RetentionPolicy.Dated(ArchiveName.of(t, Compression.GZIP), t));
    }
    return archives;
  }

  @Test
  void keepsTheLastFewThenOnePerHourDayAndWeek() {
    Map<String, PruneReason> keep = new RetentionPolicy(3, 24, 7, 4).keep(
        everyHalfHourFor(Duration.ofDays(30)));

    assertThat(keep.values().stream().filter(r -> r.equals(new PruneReason.LastArchives(3)))).hasSize(3);
    assertThat(keep.values().stream().filter(r -> r == PruneReason.Fixed.HOURLY)).hasSize(22);
    assertThat(keep.values().stream().filter(r -> r == PruneReason.Fixed.DAILY)).hasSize(6);
    // 2026-06-30 is a Tuesday: this week's and last week's newest are already kept as daily.
    assertThat(keep.values().stream().filter(r -> r == PruneReason.Fixed.WEEKLY)).hasSize(2);
    assertThat(keep).containsKey(ArchiveName.of(NOW, Compression.GZIP))
        .containsKey(ArchiveName.of(Instant.parse("2026-06-14T23:45:00Z"), Compression.GZIP))
        .hasSize(3 + 22 + 6 + 2);
  }

  @Test
  void theNewestArchiveOfEachPeriodIsTheOneKept() {
    Map<String, PruneReason> keep = new RetentionPolicy(1, 2, 0, 0).keep(
        everyHalfHourFor(Duration.ofHours(3)));

    assertThat(keep).containsOnlyKeys(ArchiveName.of(NOW, Compression.GZIP),
        ArchiveName.of(Instant.parse("2026-06-30T22:45:00Z"), Compression.GZIP));
  }

  @Test
  void namesParseBackToTheirTime() {
    assertThat(ArchiveName.parse(ArchiveName.of(NOW, Compression.ZSTD))).contains(NOW);
    assertThat(ArchiveName.parse("backup.tar.gz")).isEmpty();
  }
}
