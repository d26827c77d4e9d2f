package io.etcdwarden.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a v1 archive as a stream: decompresses, then walks the tar entries in order. Archives
 * hold {@code db} and {@code manifest.json} in either order: {@code db} first since snapshots
 * stream in one pass (the manifest's sha256 of {@code db} is known only after it), the manifest
 * first in archives written before. Reading only the manifest of a db-first archive decompresses
 * past the database.
 */
public final class ArchiveReader implements AutoCloseable {
  /** The name of the database entry. */
  public static final String DB_ENTRY = "db";

  private final TarArchiveInputStream tar;

  private ArchiveReader(TarArchiveInputStream tar) {
    this.tar = tar;
  }

  /** Reads the archive {@code name} (its compression follows from its suffix) from {@code raw}. */
  public static ArchiveReader open(InputStream raw, String name) throws IOException {
    return new ArchiveReader(new TarArchiveInputStream(Compression.ofName(name).decompress(raw)));
  }

  /** The next entry's name, positioned so that {@link #entry()} reads its bytes. */
  public Optional<String> next() throws IOException {
    TarArchiveEntry entry = tar.getNextEntry();
    return entry == null ? Optional.empty() : Optional.of(entry.getName());
  }

  /** The current entry's bytes (not to be closed separately). */
  public InputStream entry() {
    return tar;
  }

  /**
   * The manifest: reads on from the current position past {@code db} (skipped) to {@code
   * manifest.json}. Call it first thing, or after {@code db} was read.
   */
  public SnapshotManifest manifest() throws IOException {
    for (Optional<String> entry = next(); entry.isPresent(); entry = next()) {
      if (entry.get().equals(SnapshotManifest.ENTRY)) {
        return readManifest();
      }
      if (!entry.get().equals(DB_ENTRY)) {
        throw new IOException("unexpected entry " + entry.get());
      }
    }
    throw new IOException("no " + SnapshotManifest.ENTRY + " in the archive");
  }

  /** The current entry read as the manifest (when {@link #next} returned manifest.json). */
  public SnapshotManifest readManifest() throws IOException {
    return SnapshotManifest.fromJson(tar.readAllBytes());
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
