package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoredSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The archives in a store with their manifests, oldest first. Only each archive's first entry
 * is read, so listing costs a few kilobytes per archive whatever the database size.
 */
public final class SnapshotCatalog {
  private SnapshotCatalog() {}

  public static List<CatalogEntry> list(SnapshotStore store) {
    List<CatalogEntry> entries = new ArrayList<>();
    for (StoredSnapshot stored : store.list()) {
      entries.add(new CatalogEntry(stored, manifest(store, stored.name())));
    }
    return entries;
  }

  private static Optional<SnapshotManifest> manifest(SnapshotStore store, String name) {
    try (InputStream raw = store.open(name); ArchiveReader reader = ArchiveReader.open(raw, name)) {
      return Optional.of(reader.manifest());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
