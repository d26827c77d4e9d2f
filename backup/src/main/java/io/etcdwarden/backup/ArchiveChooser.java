package io.etcdwarden.backup;

import io.etcdwarden.core.WardenException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses from a store's catalog the archive a point-in-time restore starts from: the newest
 * verified archive at or before a {@link PointInTime}, judged by each manifest's
 * {@code created_at} or revision (never by when the store last wrote the object, which a copy
 * or a re-upload changes). Ties on the deciding value go to the other value, then to the later
 * name. Archives without a manifest (the charm's, or unreadable ones) cannot be placed in time
 * and are passed over; archives that are not verified (the caller decides: the store's mark,
 * or a verification now) are passed over and named in the reason.
 */
public final class ArchiveChooser {
  private ArchiveChooser() {}

  /** The chosen archive and one line on why it was chosen. */
  public record Choice(CatalogEntry entry, SnapshotManifest manifest, String reason) {
    public String name() {
      return entry.stored().name();
    }
  }

  /**
   * The newest archive of {@code catalog} at or before {@code point} for which
   * {@code verified} holds (by archive name); refused in one line when there is none.
   */
  public static Choice choose(List<CatalogEntry> catalog, Predicate<String> verified,
      PointInTime point) {
    List<Placed> placed = new ArrayList<>();
    for (CatalogEntry entry : catalog) {
      if (entry.manifest().isEmpty()) {
        continue;
      }
      SnapshotManifest m = entry.manifest().get();
      Optional<Instant> created = createdAt(m);
      if (created.isPresent()) {
        placed.add(new Placed(entry, m, created.get()));
      }
    }
    List<Placed> qualifying = new ArrayList<>(placed.stream()
        .filter(p -> qualifies(p, point)).toList());
    qualifying.sort(order(point).reversed());
    List<String> unverified = new ArrayList<>();
    for (Placed p : qualifying) {
      String name = p.entry.stored().name();
      if (!verified.test(name)) {
        unverified.add(name);
        continue;
      }
      return new Choice(p.entry, p.manifest, "chose " + name + " (created " + p.created
          + ", revision " + p.manifest.revision() + "): the newest verified archive "
          + point.describe() + (unverified.isEmpty() ? "" : "; passed over newer but not"
          + " verified: " + String.join(", ", unverified)));
    }
    String why = qualifying.isEmpty()
        ? placed.isEmpty() ? "the store has no archive with a readable manifest"
            : "the oldest archive is " + oldest(placed)
        : unverified.size() + " qualify but none verifies (etcd-warden snapshots verify"
            + " NAME says why): " + String.join(", ", unverified);
    throw new WardenException("no verified archive " + point.describe() + ": " + why
        + "; nothing was changed");
  }

  private record Placed(CatalogEntry entry, SnapshotManifest manifest, Instant created) {}

  private static boolean qualifies(Placed p, PointInTime point) {
    if (point instanceof PointInTime.Before b) {
      return !p.created.isAfter(b.time());
    }
    return p.manifest.revision() <= ((PointInTime.AtRevision) point).revision();
  }

  private static Comparator<Placed> order(PointInTime point) {
    Comparator<Placed> byTime = Comparator.comparing(Placed::created);
    Comparator<Placed> byRevision = Comparator.comparingLong(p -> p.manifest.revision());
    Comparator<Placed> byName = Comparator.comparing(p -> p.entry.stored().name());
    Comparator<Placed> first = point instanceof PointInTime.Before ? byTime : byRevision;
    Comparator<Placed> second = point instanceof PointInTime.Before ? byRevision : byTime;
    return first.thenComparing(second).thenComparing(byName);
  }

  private static String oldest(List<Placed> placed) {
    Placed p = placed.stream().min(Comparator.comparing(Placed::created)).orElseThrow();
    return p.entry.stored().name() + " (created " + p.created + ", revision "
        + p.manifest.revision() + ")";
  }

  private static Optional<Instant> createdAt(SnapshotManifest m) {
    try {
      return Optional.of(Instant.parse(m.createdAt()));
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
