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

/**
 * Retention and the catalog treat encrypted and clear archives alike: prune dates a
 * {@code .tar.gz.age} by its name like a {@code .tar.gz}, keeps the newest verified one without
 * an identity (sidecar and age header), and the catalog names an encrypted archive's recipients.
 */
class EncryptedRetentionTest {
  @TempDir Path dir;
  @TempDir Path keys;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + dir + "?allow-non-mount=true"));
  }

  @Test
  void pruneKeepsTheNewestWhetherEncryptedOrNot() throws Exception {
    String recipient = AgeKeysFixture.keygen(keys.resolve("key.txt"));
    AgeRecipients to = AgeRecipients.parse(List.of(recipient), "--recipient");
    String oldClear = TestArchives.store(store(), Instant.parse("2026-06-01T09:00:00Z"),
        Compression.GZIP, true);
    String clear = TestArchives.store(store(), Instant.parse("2026-06-01T10:00:00Z"),
        Compression.GZIP, true);
    String encrypted = TestArchives.storeEncrypted(store(), Instant.parse("2026-06-01T11:00:00Z"),
        Compression.ZSTD, to);

    List<PruneDecision> decisions = SnapshotPruner.prune(store(),
        new RetentionPolicy(2, 0, 0, 0), false);

    assertThat(store().list()).extracting(StoredSnapshot::name)
        .containsExactlyInAnyOrder(clear, encrypted);
    assertThat(decisions).extracting(PruneDecision::name).doesNotContainNull()
        .contains(oldClear, clear, encrypted);
    assertThat(decisions).filteredOn(d -> d.name().equals(encrypted)).singleElement()
        .extracting(PruneDecision::kept).isEqualTo(true);
  }

  @Test
  void theCatalogNamesTheRecipientsOfAnEncryptedArchive() throws Exception {
    String first = AgeKeysFixture.keygen(keys.resolve("a.txt"));
    String second = AgeKeysFixture.keygen(keys.resolve("b.txt"));
    TestArchives.storeEncrypted(store(), Instant.parse("2026-06-01T11:00:00Z"),
        Compression.GZIP, AgeRecipients.parse(List.of(first, second), "backup.encrypt_to"));

    List<CatalogEntry> entries = SnapshotCatalog.list(store());

    assertThat(entries).singleElement().extracting(CatalogEntry::note).asString()
        .contains("age-encrypted for " + first + ", " + second);
  }
}
