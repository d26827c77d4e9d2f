package io.etcdwarden.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The one reader of snapshot archives, for every command that reads one (verify, list, drill,
 * restore), so that they agree on what an archive is. The compression is sniffed from the
 * bytes ({@link Compression#sniff}), never taken from the name, and so is age encryption
 * ({@link AgeHeader}), opened with an identity when one is given. Two layouts are accepted:
 * ours, {@code db} and {@code manifest.json} in either order, and the Juju charm's, {@code ./db}
 * alone. Each entry's header is checked before a byte of it is read, and anything else is
 * refused ({@link ArchiveRefused}): absolute or {@code ..} paths, links, devices, directories,
 * duplicates, unknown names, a manifest over {@value #MANIFEST_MAX_BYTES} bytes, a {@code db}
 * whose size differs from the manifest read before it, and data after the tar's end.
 */
final class ArchiveReader implements AutoCloseable {
  /** The name of the database entry. */
  public static final String DB_ENTRY = "db";
  /** The most {@code manifest.json} may hold; ours are a few kilobytes. */
  public static final int MANIFEST_MAX_BYTES = 1 << 20;
  private static final String CHARM_DB = "./" + DB_ENTRY;

  /** What the current entry is. */
  public enum Entry { DB, MANIFEST }

  private final InputStream decompressed;
  private final TarArchiveInputStream tar;
  private final Set<String> seen = new HashSet<>();
  private SnapshotManifest manifest;
  private TarArchiveEntry current;
  private boolean folderEntry;
  private boolean charmDb;

  private ArchiveReader(InputStream decompressed) {
    this.decompressed = decompressed;
    // Blocks of one record: the reader must not skip the rest of a 10 KiB block unseen, since
    // whatever follows the tar's end is checked to be zero padding.
    this.tar = new TarArchiveInputStream(decompressed, TarConstants.DEFAULT_RCDSIZE);
  }

  /** Reads a clear archive from {@code raw}; an encrypted one is refused ({@link
   * ArchiveLocked}). */
  public static ArchiveReader open(InputStream raw) throws IOException {
    return open(raw, Optional.empty());
  }

  /**
   * Reads an archive from {@code raw}, whatever its name says about its compression or
   * encryption: an age file is opened with {@code identity} ({@link ArchiveLocked} without one
   * or with one that does not fit), then decompressed as its first bytes say.
   */
  public static ArchiveReader open(InputStream raw, Optional<AgeIdentity> identity)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, AgeHeader.MAX_BYTES);
    Optional<List<String>> recipients = AgeHeader.peek(in);
    InputStream clear = recipients.isPresent()
        ? AgeStreams.decrypt(in, recipients.get(), identity) : in;
    return new ArchiveReader(Compression.sniff(clear));
  }

  /** The next entry, checked; empty at the end, once the archive proved complete. */
  public Optional<Entry> next() throws IOException {
    TarArchiveEntry entry = nextHeader();
    if (entry == null) {
      requireComplete();
      return Optional.empty();
    }
    String name = entry.getName();
    ArchiveEntryRules.requirePlainFile(entry);
    if (!seen.add(name.startsWith("./") ? name.substring(2) : name)) {
      throw new ArchiveRefused("two entries named '" + name + "'");
    }
    current = entry;
    if (name.equals(SnapshotManifest.ENTRY)) {
      if (charmDb || folderEntry) {
        throw new ArchiveRefused("manifest.json beside the charm's ./db layout");
      }
      if (entry.getSize() > MANIFEST_MAX_BYTES) {
        throw new ArchiveRefused("manifest.json is " + entry.getSize() + " bytes, more than the"
            + " " + MANIFEST_MAX_BYTES + " a manifest may hold");
      }
      return Optional.of(Entry.MANIFEST);
    }
    if (name.equals(DB_ENTRY) || name.equals(CHARM_DB)) {
      charmDb = name.equals(CHARM_DB);
      if (charmDb && seen.contains(SnapshotManifest.ENTRY) || folderEntry && !charmDb) {
        throw new ArchiveRefused("'" + name + "' mixes our layout (db, manifest.json) with the"
            + " charm's (./db)");
      }
      if (manifest != null && entry.getSize() != manifest.dbSize()) {
        throw new ArchiveRefused("db is " + entry.getSize() + " bytes, the manifest says "
            + manifest.dbSize());
      }
      return Optional.of(Entry.DB);
    }
    throw ArchiveEntryRules.unknown(name);
  }

  /** The current entry's declared size in bytes (checked against what is read). */
  public long size() {
    return current.getSize();
  }

  /** The current entry's bytes (not to be closed separately). */
  public InputStream entry() {
    return tar;
  }

  /** The current entry read as the manifest (when {@link #next} returned MANIFEST). */
  public SnapshotManifest readManifest() throws IOException {
    byte[] json = tar.readNBytes(MANIFEST_MAX_BYTES);
    try {
      manifest = SnapshotManifest.fromJson(json);
    } catch (IOException e) {
      throw new ArchiveRefused("manifest.json does not parse: " + firstLine(e.getMessage()));
    }
    return manifest;
  }

  /** The manifest: reads on past {@code db} (skipped) to {@code manifest.json}. */
  public SnapshotManifest manifest() throws IOException {
    for (Optional<Entry> entry = next(); entry.isPresent(); entry = next()) {
      if (entry.get() == Entry.MANIFEST) {
        return readManifest();
      }
    }
    throw new IOException("no " + SnapshotManifest.ENTRY + " in the archive");
  }

  private TarArchiveEntry nextHeader() throws IOException {
    try {
      TarArchiveEntry entry = tar.getNextEntry();
      // GNU tar's "tar czf X ./db" may carry the folder itself first: ./ and nothing in it.
      if (entry != null && seen.isEmpty() && !folderEntry && entry.isDirectory()
          && (entry.getName().equals("./") || entry.getName().equals("."))
          && entry.getLinkFlag() == TarConstants.LF_DIR) {
        folderEntry = true;
        entry = tar.getNextEntry();
      }
      return entry;
    } catch (IllegalArgumentException e) {
      throw new ArchiveRefused("a tar header does not parse: " + firstLine(e.getMessage()));
    }
  }

  /** At the end: the layout is whole, and nothing but zero padding follows the tar. */
  private void requireComplete() throws IOException {
    if (!seen.contains(DB_ENTRY)) {
      throw new ArchiveRefused("no db entry; not an etcd snapshot archive");
    }
    if (!seen.contains(SnapshotManifest.ENTRY) && !charmDb) {
      throw new ArchiveRefused("db without manifest.json (only the charm's ./db comes without"
          + " one)");
    }
    byte[] rest = new byte[1 << 16];
    for (int n = decompressed.read(rest); n >= 0; n = decompressed.read(rest)) {
      for (int i = 0; i < n; i++) {
        if (rest[i] != 0) {
          throw new ArchiveRefused("data after the end of the tar");
        }
      }
    }
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
