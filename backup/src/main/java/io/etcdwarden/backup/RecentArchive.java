package io.etcdwarden.backup;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoredSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The backup a risky change needs first (an upgrade): the newest complete archive in a store
 * younger than a maximum age that verifies now ({@link SnapshotVerifier}: sha256, manifest and
 * etcd's own hash), or, when asked, an archive taken and verified now. One line for the plan, or
 * a refusal that says how to get one.
 */
public final class RecentArchive {
  private final SnapshotStore store;
  private final Clock clock;

  public RecentArchive(SnapshotStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The newest archive younger than {@code maxAge} that verifies; refused, naming {@code action}
   * as what is refused, when there is none.
   */
  public String requireVerified(Duration maxAge, String action) {
    Instant oldest = clock.instant().minus(maxAge);
    List<StoredSnapshot> recent = store.list().stream()
        .filter(s -> s.modified().isAfter(oldest))
        .sorted(Comparator.comparing(StoredSnapshot::modified).reversed()).toList();
    String problems = "";
    for (StoredSnapshot candidate : recent) {
      Verification v = SnapshotVerifier.verify(store, candidate.name());
      if (v.ok()) {
        return candidate.name() + " (" + Duration.between(candidate.modified(), clock.instant())
            .toSeconds() + " s old, verified now)";
      }
      problems = problems.isEmpty() ? "; " + candidate.name() + " fails verification: "
          + String.join(", ", v.problems()) : problems;
    }
    throw new WardenException(action + " refused: no verified archive younger than "
        + maxAge.toMinutes() + " min in the backup target" + problems + "; run etcd-warden"
        + " snapshot (or pass --snapshot-first)");
  }

  /**
   * Takes an archive now with {@code archiver}, verifies it and returns its line; a refusal
   * names {@code action} as what is refused.
   */
  public String takeAndVerify(SnapshotArchiver archiver, Compression compression,
      String action) {
    ArchivedSnapshot taken = archiver.archive(store, Optional.empty(), compression,
        SnapshotProgress.NONE);
    Verification v = SnapshotVerifier.verify(store, taken.published().name());
    if (!v.ok()) {
      throw new WardenException(action + " refused: the archive taken now, "
          + taken.published().location() + ", fails verification: "
          + String.join(", ", v.problems()));
    }
    return taken.published().location() + " (taken and verified now)";
  }
}
