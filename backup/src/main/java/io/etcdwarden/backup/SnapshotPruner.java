package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoredSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a {@link RetentionPolicy} to a store: the newest archive that passes {@link
 * SnapshotVerifier} is always kept, whatever the policy says, so pruning can never leave a
 * store with only broken archives. Archives whose names we did not give are never touched.
 */
public final class SnapshotPruner {
  private SnapshotPruner() {}

  public static List<PruneDecision> prune(SnapshotStore store, RetentionPolicy policy,
      boolean dryRun) {
    List<RetentionPolicy.Dated> ours = new ArrayList<>();
    List<PruneDecision> decisions = new ArrayList<>();
    for (StoredSnapshot stored : store.list()) {
      Optional<java.time.Instant> takenAt = ArchiveName.parse(stored.name());
      if (takenAt.isPresent()) {
        ours.add(new RetentionPolicy.Dated(stored.name(), takenAt.get()));
      } else {
        decisions.add(new PruneDecision(stored.name(), PruneReason.Fixed.NOT_OURS));
      }
    }
    Map<String, PruneReason> keep = policy.keep(ours);
    newestVerified(store, ours).ifPresent(name -> keep.putIfAbsent(name,
        PruneReason.Fixed.NEWEST_VERIFIED));
    ours.sort(Comparator.comparing(RetentionPolicy.Dated::takenAt).reversed());
    for (RetentionPolicy.Dated archive : ours) {
      PruneReason reason = keep.getOrDefault(archive.name(), PruneReason.Fixed.OUTSIDE_POLICY);
      if (!reason.kept() && !dryRun) {
        store.delete(archive.name());
      }
      decisions.add(new PruneDecision(archive.name(), reason));
    }
    return decisions;
  }

  private static Optional<String> newestVerified(SnapshotStore store,
      List<RetentionPolicy.Dated> archives) {
    return archives.stream()
        .sorted(Comparator.comparing(RetentionPolicy.Dated::takenAt).reversed())
        .map(RetentionPolicy.Dated::name)
        .filter(name -> SnapshotVerifier.verify(store, name).ok())
        .findFirst();
  }
}
