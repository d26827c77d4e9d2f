package io.etcdwarden.core.version;

import io.etcdwarden.core.WardenException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One etcd minor line (3.4, 3.5, ...) and what etcd-warden knows about it: whether it is
 * supported, when its upstream support ends, and which behaviours it has. The table of lines
 * is the one place where etcd versions are decided; an unknown line is refused, not guessed.
 */
public enum EtcdLine {
  V3_4(3, 4, LocalDate.of(2026, 5, 15)),
  V3_5(3, 5, null),
  V3_6(3, 6, null),
  V3_7(3, 7, null);

  private final int major;
  private final int minor;
  private final LocalDate endOfSupport;

  EtcdLine(int major, int minor, LocalDate endOfSupport) {
    this.major = major;
    this.minor = minor;
    this.endOfSupport = endOfSupport;
  }

  /** The line of {@code major.minor}; refused with one line when etcd-warden does not know it. */
  public static EtcdLine of(int major, int minor) {
    return find(major, minor).orElseThrow(() -> WardenException.badInput(
        "etcd " + major + "." + minor + " is not supported by this etcd-warden (supported: "
            + supportedText() + ")"));
  }

  public static Optional<EtcdLine> find(int major, int minor) {
    for (EtcdLine line : values()) {
      if (line.major == major && line.minor == minor) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  public static String supportedText() {
    return String.join(", ", List.of(values()).stream().map(EtcdLine::toString).toList());
  }

  /** The date upstream support ended or ends, if it is announced. */
  public Optional<LocalDate> endOfSupport() {
    return Optional.ofNullable(endOfSupport);
  }

  /** True when upstream support for this line ended before {@code today}. */
  public boolean pastEndOfSupport(LocalDate today) {
    return endOfSupport != null && today.isAfter(endOfSupport);
  }

  /** The next minor line, the only one an upgrade may step to. */
  public Optional<EtcdLine> next() {
    return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
  }

  /** 3.5 and later ship etcdutl, which restores snapshots; 3.6 removed etcdctl's restore. */
  public boolean restoresWithEtcdutl() {
    return this != V3_4;
  }

  /**
   * Whether this line's restore tool takes {@code --bump-revision N --mark-compacted} (etcdutl
   * 3.5 on; 3.4's etcdctl has neither), so that watchers such as Kubernetes API servers see
   * revisions move forward after a restore.
   */
  public boolean restoreBumpsRevision() {
    return restoresWithEtcdutl();
  }

  /** 3.6 removed the v2 store and with it the {@code enable-v2} setting. */
  public boolean hasV2Store() {
    return this == V3_4 || this == V3_5;
  }

  /**
   * etcd's own {@code snapshot-count} default on this line: 3.6 lowered it from 100,000 to
   * 10,000 (fewer raft entries held in memory between snapshots).
   */
  public long defaultSnapshotCount() {
    return hasV2Store() ? 100_000 : 10_000;
  }

  /**
   * 3.6 deprecated {@code max-snapshots} (it warns at every start and 3.8 drops it); etcd keeps
   * its default of 5 snapshot files there, so a config for 3.6 on leaves the key out.
   */
  public boolean acceptsMaxSnapshots() {
    return hasV2Store();
  }

  /**
   * The lowest patch release of this line from which an upgrade to the next line is allowed
   * (etcd's own rule: 3.5.20 before 3.6).
   */
  public int minimumPatchBeforeNextLine() {
    return this == V3_5 ? 20 : 0;
  }

  /**
   * Whether this line can replay write-ahead-log entries in etcd's v2 request format, which 3.5
   * members still write (3.7 removed the format: an entry left after the member's last raft
   * snapshot stops it at start-up).
   */
  public boolean replaysV2WalEntries() {
    return compareTo(V3_7) < 0;
  }

  public int major() {
    return major;
  }

  public int minor() {
    return minor;
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
