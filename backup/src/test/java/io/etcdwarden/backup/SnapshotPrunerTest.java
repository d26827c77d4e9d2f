package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.StoredSnapshot;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prune deletes what the policy lets go, but never the newest sound archive. */
class SnapshotPrunerTest {
  @TempDir Path dir;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + dir + "?allow-non-mount=true"));
  }

  private String archive(String at, boolean sound) throws Exception {
    return TestArchives.store(store(), Instant.parse(at), Compression.GZIP, sound);
  }

  @Test
  void keepsTheNewestSoundArchiveEvenWhenNewerOnesAreBroken() throws Exception {
    String oldSound = archive("2026-06-01T10:00:00Z", true);
    String older = archive("2026-06-01T09:00:00Z", true);
    archive("2026-06-01T11:00:00Z", false);
    String newestBroken = archive("2026-06-01T12:00:00Z", false);

    List<PruneDecision> decisions = SnapshotPruner.prune(store(),
        new RetentionPolicy(1, 0, 0, 0), false);

    assertThat(store().list()).extracting(StoredSnapshot::name)
        .containsExactlyInAnyOrder(oldSound, newestBroken);
    assertThat(decisions).contains(
        new PruneDecision(oldSound, PruneReason.Fixed.NEWEST_VERIFIED),
        new PruneDecision(older, PruneReason.Fixed.OUTSIDE_POLICY));
  }

  @Test
  void aDryRunDeletesNothing() throws Exception {
    archive("2026-06-01T10:00:00Z", true);
    archive("2026-06-01T11:00:00Z", true);

    List<PruneDecision> decisions = SnapshotPruner.prune(store(),
        new RetentionPolicy(1, 0, 0, 0), true);

    assertThat(decisions).filteredOn(d -> !d.kept()).hasSize(1);
    assertThat(store().list()).hasSize(2);
  }
}
