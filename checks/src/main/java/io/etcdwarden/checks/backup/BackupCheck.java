package io.etcdwarden.checks.backup;

import io.etcdwarden.checks.ByteSizes;
import io.etcdwarden.checks.Check;
import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoredSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code check_etcd_backup}: judges a store by its newest complete archive (its age against
 * {@link BackupThresholds}, its size against the archive before it, whether it was verified)
 * and by the daemon's record of the last scheduled run ({@link LastRun}). An archive counts as
 * verified when the daemon's record says so or when a successful {@code snapshots verify} (or
 * {@code snapshot --verify}) left its mark in the store ({@link SnapshotStore#verified}). Perfdata {@code age}
 * (s), {@code size} (B) and {@code count}. A store without archives is CRITICAL.
 */
public final class BackupCheck implements Check {
  private final SnapshotStore store;
  private final Supplier<LastRunReader.Outcome> lastRun;
  private final Optional<ArchiveVerifier> verifier;
  private final BackupThresholds limits;
  private final Clock clock;

  /** {@code verifier} empty: trust the daemon's verification record instead of re-reading. */
  public BackupCheck(SnapshotStore store, Supplier<LastRunReader.Outcome> lastRun,
      Optional<ArchiveVerifier> verifier, BackupThresholds limits, Clock clock) {
    this.store = store;
    this.lastRun = lastRun;
    this.verifier = verifier;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public String serviceName() {
    return "ETCD_BACKUP";
  }

  @Override
  public CheckResult run() {
    List<StoredSnapshot> archives = new ArrayList<>(store.list());
    archives.sort(Comparator.comparing(StoredSnapshot::modified)
        .thenComparing(StoredSnapshot::name));
    LastRunReader.Outcome run = lastRun.get();
    List<CheckResult> children = new ArrayList<>();
    if (archives.isEmpty()) {
      children.add(CheckResult.of(State.CRITICAL, "no complete archive in " + store.location(),
          Perfdata.of("count", 0, "")));
      children.add(lastRunResult(run, Optional.empty()));
      return parent(children, List.of());
    }
    StoredSnapshot newest = archives.get(archives.size() - 1);
    children.add(age(newest, archives.size()));
    children.add(size(newest, archives.size() > 1
        ? Optional.of(archives.get(archives.size() - 2)) : Optional.empty()));
    children.add(verification(newest, run));
    children.add(lastRunResult(run, Optional.of(newest)));
    return parent(children, List.of("newest: " + newest.name() + " in " + store.location(),
        archives.size() + " complete archive" + (archives.size() == 1 ? "" : "s")));
  }

  private CheckResult age(StoredSnapshot newest, int count) {
    Duration age = Duration.between(newest.modified(), clock.instant());
    double hours = Math.max(0, age.toSeconds()) / 3600.0;
    State state = limits.ageHours().stateOf(hours);
    return new CheckResult(state, "newest archive " + hoursText(age) + " old", List.of(),
        List.of(Perfdata.of("age", Math.max(0, age.toSeconds()), "s")
            .with(limits.ageSeconds()).bounded(0), Perfdata.of("count", count, "")
            .bounded(0)), List.of());
  }

  private CheckResult size(StoredSnapshot newest, Optional<StoredSnapshot> previous) {
    Perfdata size = Perfdata.of("size", newest.sizeBytes(), "B").bounded(0);
    if (previous.isPresent() && previous.get().sizeBytes() > 0) {
      double ratio = (double) newest.sizeBytes() / previous.get().sizeBytes();
      if (ratio < limits.minSizeRatio()) {
        return CheckResult.of(State.WARNING, "newest archive is " + Math.round(ratio * 100)
            + " % of the previous one's size (" + ByteSizes.human(newest.sizeBytes()) + " vs "
            + ByteSizes.human(previous.get().sizeBytes()) + "): truncated snapshot?", size);
      }
    }
    return CheckResult.of(State.OK, ByteSizes.human(newest.sizeBytes()), size);
  }

  private CheckResult verification(StoredSnapshot newest, LastRunReader.Outcome run) {
    if (verifier.isPresent()) {
      List<String> problems = verifier.get().problems(newest.name());
      return problems.isEmpty() ? CheckResult.of(State.OK, "newest archive verified now")
          : CheckResult.of(State.CRITICAL, "newest archive fails verification: "
              + String.join("; ", problems));
    }
    Optional<LastRun> record = run.lastRun().filter(r -> r.archive().equals(newest.name()));
    if (record.isPresent() && record.get().verified()) {
      return CheckResult.of(State.OK, "newest archive verified by the daemon");
    }
    try {
      if (store.verified(newest.name())) {
        return CheckResult.of(State.OK, "newest archive verified (its "
            + SnapshotStore.VERIFIED_SUFFIX + " mark matches its .sha256)");
      }
    } catch (WardenException e) {
      // The archive itself was judged above; an unreadable mark only leaves it unvouched for.
      return CheckResult.of(State.WARNING, "newest archive " + newest.name()
          + " not verified: its mark cannot be read (" + e.getMessage() + ")");
    }
    if (record.isPresent() && !record.get().problem().isEmpty()) {
      return CheckResult.of(State.CRITICAL, "newest archive fails verification: "
          + record.get().problem());
    }
    return CheckResult.of(State.WARNING, "newest archive " + newest.name()
        + " not verified (run 'etcd-warden snapshots verify' or pass --verify)");
  }

  private CheckResult lastRunResult(LastRunReader.Outcome run, Optional<StoredSnapshot> newest) {
    if (!run.known()) {
      return CheckResult.of(State.UNKNOWN, "last scheduled run unknown: " + run.error());
    }
    if (run.lastRun().isEmpty()) {
      return CheckResult.skipped("no scheduled run recorded");
    }
    LastRun last = run.lastRun().get();
    if (!last.ok()) {
      return CheckResult.of(State.WARNING, "last scheduled snapshot (" + last.tick()
          + ", " + last.daemon() + ") failed: " + last.problem());
    }
    return CheckResult.skipped("last scheduled snapshot " + last.tick() + " ok ("
        + last.daemon() + ")");
  }

  private static CheckResult parent(List<CheckResult> children, List<String> details) {
    CheckResult tree = new CheckResult(State.OK, "", details, List.of(), children);
    State overall = tree.overall();
    List<String> lines = overall == State.OK
        ? List.of(children.get(0).summary())
        : tree.summariesIn(overall);
    return new CheckResult(State.OK, String.join("; ", lines), details, List.of(), children);
  }

  private static String hoursText(Duration age) {
    long seconds = Math.max(0, age.toSeconds());
    if (seconds < 120) {
      return seconds + " s";
    }
    if (seconds < 7200) {
      return seconds / 60 + " min";
    }
    return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600.0);
  }
}
