package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Test helpers that look inside a stored archive the way an operator's tar would. */
final class ArchiveChecks {
  private ArchiveChecks() {}

  /** Extracts {@code db} to {@code out} and returns the manifest read on the way. */
  static SnapshotManifest extractDb(SnapshotStore store, String name, Path out)
      throws IOException {
    try (InputStream raw = store.open(name); ArchiveReader reader = ArchiveReader.open(raw, name)) {
      SnapshotManifest manifest = reader.manifest();
      Optional<String> next = reader.next();
      if (next.isEmpty() || !next.get().equals(ArchiveWriter.DB_ENTRY)) {
        throw new AssertionError("second entry is " + next + ", not db");
      }
      Files.copy(reader.entry(), out);
      if (reader.next().isPresent()) {
        throw new AssertionError("more than two entries in " + name);
      }
      return manifest;
    }
  }
}
