package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoredSnapshot;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The archives in a store with their manifests, oldest first. In archives written before
 * one-pass streaming the manifest is the first entry (a few kilobytes read per archive); in
 * db-first archives it follows the database, so listing one streams and decompresses it whole.
 */
public final class SnapshotCatalog {
  private SnapshotCatalog() {}

  /** The complete archives from the store's listing alone, without their manifests. */
  public static List<CatalogEntry> listNames(SnapshotStore store) {
    return store.list().stream().map(s -> new CatalogEntry(s, Optional.empty(), "")).toList();
  }

  /** The complete archives with their manifests (see the class comment for the cost). */
  public static List<CatalogEntry> list(SnapshotStore store) {
    return list(store, Optional.empty());
  }

  /**
   * The complete archives with their manifests, opening encrypted ones with {@code identity}
   * (without one their manifests stay unread); an encrypted archive's note names its recipients.
   */
  public static List<CatalogEntry> list(SnapshotStore store, Optional<AgeIdentity> identity) {
    List<CatalogEntry> entries = new ArrayList<>();
    for (StoredSnapshot stored : store.list()) {
      entries.add(entry(store, stored, identity));
    }
    return entries;
  }

  private static CatalogEntry entry(SnapshotStore store, StoredSnapshot stored,
      Optional<AgeIdentity> identity) {
    try (InputStream raw = store.open(stored.name())) {
      BufferedInputStream in = new BufferedInputStream(raw, AgeHeader.MAX_BYTES);
      String encrypted = AgeHeader.peek(in)
          .map(r -> "(age-encrypted for " + ArchiveLocked.madeFor(r) + ")").orElse("");
      return entry(stored, in, identity, encrypted);
    } catch (ArchiveRefused e) {
      return new CatalogEntry(stored, Optional.empty(), "(refused: " + e.getMessage() + ")");
    } catch (IOException | RuntimeException e) {
      return new CatalogEntry(stored, Optional.empty(), "(unreadable: " + e.getMessage() + ")");
    }
  }

  private static CatalogEntry entry(StoredSnapshot stored, InputStream in,
      Optional<AgeIdentity> identity, String encrypted) {
    try (ArchiveReader reader = ArchiveReader.open(in, identity)) {
      for (var entry = reader.next(); entry.isPresent(); entry = reader.next()) {
        if (entry.get() == ArchiveReader.Entry.MANIFEST) {
          return new CatalogEntry(stored, Optional.of(reader.readManifest()), encrypted);
        }
      }
      // The reader ends only on a whole layout: without a manifest, that is the charm's ./db.
      return new CatalogEntry(stored, Optional.empty(), "(charm archive, no manifest)");
    } catch (ArchiveLocked e) {
      return new CatalogEntry(stored, Optional.empty(), e.withoutIdentity() ? encrypted
          : "(" + e.getMessage() + ")");
    } catch (ArchiveRefused e) {
      return new CatalogEntry(stored, Optional.empty(), "(refused: " + e.getMessage() + ")");
    } catch (IOException | RuntimeException e) {
      return new CatalogEntry(stored, Optional.empty(), "(unreadable: " + e.getMessage() + ")");
    }
  }
}
