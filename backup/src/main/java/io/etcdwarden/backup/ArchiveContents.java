package io.etcdwarden.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one pass of the {@link ArchiveReader} over a whole archive found, and the one judgement
 * of it that verify, list, drill and restore share: with a manifest, the {@code db} must have
 * the manifest's size and sha256 and end with etcd's hash; the charm's {@code ./db} carries
 * neither manifest nor, usually, a hash (it then restores with {@code --skip-hash-check}).
 *
 * @param dbSize the {@code db} entry's size in bytes
 * @param db its sha256 and whether it ends with etcd's valid hash
 */
public record ArchiveContents(Optional<SnapshotManifest> manifest, long dbSize,
    DbDigests.Result db) {

  /** Consumes the {@code db} entry ({@code size} bytes) and returns its digests. */
  @FunctionalInterface
  public interface DbReader {
    DbDigests.Result read(InputStream db, long size) throws IOException;
  }

  /**
   * Reads the archive from {@code raw} to its end, handing {@code db} to {@code dbReader};
   * {@code raw} is left open so that the caller can still drain it (for its sha256) after a
   * failure. Throws {@link ArchiveRefused} for anything that is not an archive of ours, and
   * {@link ArchiveLocked} for an age-encrypted one that {@code identity} does not open.
   */
  public static ArchiveContents read(InputStream raw, Optional<AgeIdentity> identity,
      DbReader dbReader) throws IOException {
    ArchiveReader reader = ArchiveReader.open(raw, identity);
    Optional<SnapshotManifest> manifest = Optional.empty();
    DbDigests.Result db = null;
    long size = -1;
    for (var entry = reader.next(); entry.isPresent(); entry = reader.next()) {
      if (entry.get() == ArchiveReader.Entry.MANIFEST) {
        manifest = Optional.of(reader.readManifest());
      } else {
        size = reader.size();
        db = dbReader.read(reader.entry(), size);
      }
    }
    return new ArchiveContents(manifest, size, db);
  }

  /** Everything that does not match; empty when the archive is sound. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (manifest.isEmpty()) {
      return problems;
    }
    SnapshotManifest m = manifest.get();
    if (dbSize != m.dbSize()) {
      problems.add("db is " + dbSize + " bytes, the manifest says " + m.dbSize());
    }
    if (!db.sha256().equals(m.dbSha256())) {
      problems.add("db sha256 " + db.sha256() + " differs from the manifest's " + m.dbSha256());
    }
    if (!db.etcdHashValid()) {
      problems.add("db does not end with etcd's valid hash");
    }
    return problems;
  }

  /** One line saying what the archive is. */
  public String describe() {
    if (manifest.isPresent()) {
      return "revision " + manifest.get().revision() + ", db " + dbSize + " bytes, etcd hash"
          + (db.etcdHashValid() ? " valid" : " INVALID");
    }
    return "charm archive without manifest, db " + dbSize + " bytes, " + (db.etcdHashValid()
        ? "etcd hash valid" : "no etcd hash: restores with --skip-hash-check");
  }
}
