package io.etcdwarden.cli;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.PointInTime;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.restore.ArchiveAtPoint;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --before TIME} and {@code --at-revision N} for restore and drill: with
 * {@code --from latest}, the archive is chosen from the store's catalog at that point
 * ({@link ArchiveAtPoint}) and the reason printed as one line.
 */
final class PointInTimeOptions {
  @Option(names = "--before", paramLabel = "TIME",
      description = "With --from latest: the newest verified archive created at or before TIME"
          + " (the manifest's created_at): RFC 3339 (2026-12-04T17:00:00Z) or relative to now"
          + " (-2h; units s, m, h, d).")
  String before;
  @Option(names = "--at-revision", paramLabel = "N",
      description = "With --from latest: the newest verified archive whose revision is at or"
          + " below N.")
  Long atRevision;

  /**
   * {@code from} itself when no point is given; otherwise the chosen archive's URI, after
   * printing why it was chosen.
   */
  String choose(String from, Optional<String> store, boolean allowNonMount,
      Optional<AgeIdentity> identity, PrintWriter out) {
    if (before == null && atRevision == null) {
      return from;
    }
    if (before != null && atRevision != null) {
      throw WardenException.badInput("--before and --at-revision exclude each other: give one");
    }
    if (!from.equals("latest")) {
      throw WardenException.badInput("--before/--at-revision choose from the store: use them"
          + " with --from latest, not --from " + from);
    }
    PointInTime point = before != null ? PointInTime.before(before, Clock.systemUTC())
        : PointInTime.atRevision(atRevision);
    ArchiveAtPoint.Chosen chosen = ArchiveAtPoint.choose(store, allowNonMount, identity, point);
    out.println(chosen.reason());
    out.flush();
    return chosen.from();
  }
}
