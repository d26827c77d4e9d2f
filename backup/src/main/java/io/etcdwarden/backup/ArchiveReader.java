package io.etcdwarden.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a v1 archive as a stream: decompresses, then walks the tar entries in order. Reading
 * only the manifest stops after the first entry, so a listing costs a few kilobytes per archive.
 */
public final class ArchiveReader implements AutoCloseable {
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

  /** The manifest, which format v1 writes as the first entry. */
  public SnapshotManifest manifest() throws IOException {
    Optional<String> first = next();
    if (first.isEmpty() || !first.get().equals(SnapshotManifest.ENTRY)) {
      throw new IOException("first entry is " + first.orElse("missing") + ", not "
          + SnapshotManifest.ENTRY);
    }
    return SnapshotManifest.fromJson(tar.readAllBytes());
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
