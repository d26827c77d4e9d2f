package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers that look inside a stored archive the way an operator's tar would. */
final class ArchiveChecks {
  private ArchiveChecks() {}

  /** Extracts {@code db} to {@code out} and returns the manifest; entries must be db, manifest. */
  static SnapshotManifest extractDb(SnapshotStore store, String name, Path out)
      throws IOException {
    List<String> names = new ArrayList<>();
    SnapshotManifest manifest = null;
    try (InputStream raw = store.open(name); ArchiveReader reader = ArchiveReader.open(raw)) {
      for (Optional<ArchiveReader.Entry> e = reader.next(); e.isPresent(); e = reader.next()) {
        names.add(e.get() == ArchiveReader.Entry.DB ? ArchiveReader.DB_ENTRY
            : SnapshotManifest.ENTRY);
        if (e.get() == ArchiveReader.Entry.DB) {
          Files.copy(reader.entry(), out);
        } else {
          manifest = reader.readManifest();
        }
      }
    }
    if (!names.equals(List.of(ArchiveReader.DB_ENTRY, SnapshotManifest.ENTRY))) {
      throw new AssertionError("entries of " + name + " are " + names);
    }
    return manifest;
  }
}
