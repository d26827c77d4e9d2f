package io.etcdwarden.checks.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check_etcd_backup over a real volume store, with the clock moved instead of waiting. */
class BackupCheckTest {
  private static final Instant TAKEN = Instant.parse("2026-11-23T02:00:00Z");
  private static final String NEWEST = "etcd-snapshot-2026-11-23-02.00.00.tar.gz";
  private static final String OLDER = "etcd-snapshot-2026-11-22-02.00.00.tar.gz";

  @TempDir Path dir;
  private SnapshotStore store;

  @BeforeEach
  void openStore() {
    store = SnapshotStores.open(dir.toUri() + "?allow-non-mount=true&min-free-mb=1", "test");
  }

  @Test
  void freshVerifiedArchiveIsOkWithPerfdata() throws Exception {
    put(OLDER, 1000, TAKEN.minus(Duration.ofDays(1)));
    put(NEWEST, 1000, TAKEN);

    CheckResult result = check(verified(NEWEST), TAKEN.plus(Duration.ofHours(2)));

    assertThat(result.overall()).as(result.toString()).isEqualTo(State.OK);
    assertThat(result.summary()).isEqualTo("newest archive 2.0 h old");
    assertThat(result.allPerfdata().stream().map(Perfdata::render)).containsExactly(
        "'age'=7200s;90000;176400;0", "'count'=2;;;0", "'size'=1000B;;;0");
  }

  @Test
  void ageTurnsWarningThenCritical() throws Exception {
    put(NEWEST, 1000, TAKEN);

    assertThat(check(verified(NEWEST), TAKEN.plus(Duration.ofHours(24))).overall())
        .isEqualTo(State.OK);
    CheckResult warning = check(verified(NEWEST), TAKEN.plus(Duration.ofHours(26)));
    assertThat(warning.overall()).isEqualTo(State.WARNING);
    assertThat(warning.summary()).isEqualTo("newest archive 26.0 h old");
    CheckResult critical = check(verified(NEWEST), TAKEN.plus(Duration.ofHours(50)));
    assertThat(critical.overall()).isEqualTo(State.CRITICAL);
  }

  @Test
  void sharpSizeDropWarns() throws Exception {
    put(OLDER, 10_000, TAKEN.minus(Duration.ofDays(1)));
    put(NEWEST, 3_000, TAKEN);

    CheckResult result = check(verified(NEWEST), TAKEN.plusSeconds(60));

    assertThat(result.overall()).isEqualTo(State.WARNING);
    assertThat(result.summary()).startsWith("newest archive is 30 % of the previous one's size");
  }

  @Test
  void failedLastRunAndUnverifiedNewestWarn() throws Exception {
    put(NEWEST, 1000, TAKEN);
    LastRun failed = new LastRun(TAKEN.plus(Duration.ofHours(6)), TAKEN.plus(Duration.ofHours(6)),
        false, "", 0, false, "no leader", "etcd1/42");

    CheckResult result = check(new LastRunReader.Outcome(Optional.of(failed), ""),
        TAKEN.plus(Duration.ofHours(7)));

    assertThat(result.overall()).isEqualTo(State.WARNING);
    assertThat(result.summary()).contains("not verified")
        .contains("last scheduled snapshot (2026-11-23T08:00:00Z, etcd1/42) failed: no leader");
  }

  @Test
  void aVerificationMarkInTheStoreCountsWithoutTheDaemonsRecord() throws Exception {
    put(NEWEST, 1000, TAKEN);
    LastRunReader.Outcome none = new LastRunReader.Outcome(Optional.empty(), "");
    assertThat(check(none, TAKEN.plusSeconds(60)).overall()).isEqualTo(State.WARNING);

    store.markVerified(NEWEST);

    CheckResult result = check(none, TAKEN.plusSeconds(60));
    assertThat(result.overall()).as(result.toString()).isEqualTo(State.OK);
  }

  @Test
  void anUnreadableMarkLeavesTheArchiveUnverifiedNotTheCheckBroken() throws Exception {
    put(NEWEST, 1000, TAKEN);
    Files.createDirectory(dir.resolve(NEWEST + SnapshotStore.VERIFIED_SUFFIX));

    CheckResult result = check(new LastRunReader.Outcome(Optional.empty(), ""),
        TAKEN.plusSeconds(60));

    assertThat(result.overall()).as(result.toString()).isEqualTo(State.WARNING);
    assertThat(result.summary()).contains("not verified: its mark cannot be read");
  }

  @Test
  void emptyStoreIsCriticalAndUnreadableRecordUnknownBesideIt() {
    CheckResult result = check(new LastRunReader.Outcome(Optional.empty(), "etcd down"), TAKEN);

    assertThat(result.overall()).isEqualTo(State.CRITICAL);
    assertThat(result.summary()).startsWith("no complete archive in ");
    assertThat(result.summariesIn(State.UNKNOWN))
        .containsExactly("last scheduled run unknown: etcd down");
  }

  @Test
  void verifyingNowReplacesTheRecord() throws Exception {
    put(NEWEST, 1000, TAKEN);
    CheckResult result = new BackupCheck(store, () -> new LastRunReader.Outcome(Optional.empty(),
        ""), Optional.of(name -> List.of("db sha256 differs")), BackupThresholds.defaults(),
        Clock.fixed(TAKEN, ZoneOffset.UTC)).run();

    assertThat(result.overall()).isEqualTo(State.CRITICAL);
    assertThat(result.summary()).isEqualTo("newest archive fails verification: db sha256 differs");
  }

  private CheckResult check(LastRunReader.Outcome lastRun, Instant now) {
    return new BackupCheck(store, () -> lastRun, Optional.empty(), BackupThresholds.defaults(),
        Clock.fixed(now, ZoneOffset.UTC)).run();
  }

  private static LastRunReader.Outcome verified(String archive) {
    return new LastRunReader.Outcome(Optional.of(new LastRun(TAKEN, TAKEN, true, archive, 1000,
        true, "", "etcd0/1")), "");
  }

  private void put(String name, int bytes, Instant modified) throws Exception {
    store.put(name, new ByteArrayInputStream(new byte[bytes]));
    Files.setLastModifiedTime(dir.resolve(name), FileTime.from(modified));
  }
}
