package io.etcdwarden.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.StoredSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchiveChooserTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  private static CatalogEntry archive(String name, Instant created, long revision,
      Instant storeModified) {
    SnapshotManifest m = new SnapshotManifest(SnapshotManifest.FORMAT_VERSION, created.toString(),
        "3.7.3", "c1", "m1", "one", revision, 2, revision, 4096, "00", List.of(), "test", 3L);
    return new CatalogEntry(new StoredSnapshot(name, 100, storeModified), Optional.of(m), "");
  }

  private static final CatalogEntry A = archive("a", T0, 100, T0.plusSeconds(9000));
  private static final CatalogEntry B = archive("b", T0.plusSeconds(3600), 200, T0);
  private static final CatalogEntry C = archive("c", T0.plusSeconds(7200), 300, T0);

  @Test
  void beforePicksTheNewestCreatedAtOrBeforeByTheManifestNotTheStoresTime() {
    var choice = ArchiveChooser.choose(List.of(A, B, C), n -> true,
        new PointInTime.Before(T0.plusSeconds(3600 + 59), "x"));
    assertEquals("b", choice.name());
    assertTrue(choice.reason().startsWith("chose b (created 2026-12-04T11:00:00Z, revision 200)"),
        choice.reason());
  }

  @Test
  void theBoundaryItselfQualifies() {
    assertEquals("c", ArchiveChooser.choose(List.of(C, A, B), n -> true,
        new PointInTime.Before(T0.plusSeconds(7200), "x")).name());
    assertEquals("b", ArchiveChooser.choose(List.of(A, B, C), n -> true,
        PointInTime.atRevision(200)).name());
    assertEquals("a", ArchiveChooser.choose(List.of(A, B, C), n -> true,
        PointInTime.atRevision(100)).name());
  }

  @Test
  void atRevisionPicksTheHighestRevisionAtOrBelow() {
    assertEquals("b", ArchiveChooser.choose(List.of(A, B, C), n -> true,
        PointInTime.atRevision(299)).name());
  }

  @Test
  void tiesGoToTheOtherValueThenTheLaterName() {
    CatalogEntry sameTimeHigherRevision = archive("b2", T0.plusSeconds(3600), 250, T0);
    assertEquals("b2", ArchiveChooser.choose(List.of(A, sameTimeHigherRevision, B), n -> true,
        new PointInTime.Before(T0.plusSeconds(3600), "x")).name());
    CatalogEntry sameRevisionLater = archive("b3", T0.plusSeconds(3700), 200, T0);
    assertEquals("b3", ArchiveChooser.choose(List.of(sameRevisionLater, B, A), n -> true,
        PointInTime.atRevision(200)).name());
    CatalogEntry twin = archive("b9", T0.plusSeconds(3600), 200, T0);
    assertEquals("b9", ArchiveChooser.choose(List.of(twin, B), n -> true,
        PointInTime.atRevision(200)).name());
  }

  @Test
  void unverifiedArchivesArePassedOverAndNamed() {
    var choice = ArchiveChooser.choose(List.of(A, B, C), Set.of("a")::contains,
        PointInTime.atRevision(1000));
    assertEquals("a", choice.name());
    assertTrue(choice.reason().endsWith("passed over newer but not verified: c, b"),
        choice.reason());
  }

  @Test
  void archivesWithoutAManifestCannotBePlacedInTime() {
    CatalogEntry charm = new CatalogEntry(new StoredSnapshot("charm", 1, T0.plusSeconds(99999)),
        Optional.empty(), "(charm archive, no manifest)");
    assertEquals("a", ArchiveChooser.choose(List.of(A, charm), n -> true,
        PointInTime.atRevision(150)).name());
  }

  @Test
  void nothingOldEnoughIsOneLineNamingTheOldest() {
    WardenException e = assertThrows(WardenException.class, () -> ArchiveChooser.choose(
        List.of(A, B, C), n -> true, new PointInTime.Before(T0.minusSeconds(1), "x")));
    assertEquals("no verified archive created at or before 2026-12-04T09:59:59Z (--before x):"
        + " the oldest archive is a (created 2026-12-04T10:00:00Z, revision 100); nothing was"
        + " changed", e.getMessage());
    WardenException none = assertThrows(WardenException.class, () -> ArchiveChooser.choose(
        List.of(A, B), n -> false, PointInTime.atRevision(500)));
    assertTrue(none.getMessage().contains("2 qualify but none verifies"),
        none.getMessage());
    assertTrue(!none.getMessage().contains("\n"));
  }

  @Test
  void beforeReadsRfc3339AndRelativeTimes() {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    assertEquals(T0.minusSeconds(7200), PointInTime.before("-2h", clock).time());
    assertEquals(T0.minusSeconds(90 * 60), PointInTime.before("-90m", clock).time());
    assertEquals(T0.minusSeconds(86400), PointInTime.before("-1d", clock).time());
    assertEquals(Instant.parse("2026-12-04T08:30:00Z"),
        PointInTime.before("2026-12-04T10:30:00+02:00", clock).time());
    WardenException bad = assertThrows(WardenException.class,
        () -> PointInTime.before("yesterday", clock));
    assertTrue(bad.getMessage().startsWith("--before 'yesterday': give an RFC 3339 time"));
    assertThrows(WardenException.class, () -> PointInTime.atRevision(0));
  }
}
