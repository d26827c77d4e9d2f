package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes v1 archives without etcd: random db bytes, followed by etcd's hash when asked. */
final class TestArchives {
  private TestArchives() {}

  /** An archive as {@link ArchiveWriter} writes it now: db first, then the manifest. */
  static String store(SnapshotStore store, Instant at, Compression compression,
      boolean withEtcdHash) throws Exception {
    return store(store, at, compression, withEtcdHash, false);
  }

  /** {@code manifestFirst}: the order archives had before one-pass streaming. */
  static String store(SnapshotStore store, Instant at, Compression compression,
      boolean withEtcdHash, boolean manifestFirst) throws Exception {
    return store(store, at, compression, withEtcdHash, manifestFirst, Optional.empty());
  }

  /** An archive encrypted with age to {@code recipients}, as the archiver writes one. */
  static String storeEncrypted(SnapshotStore store, Instant at, Compression compression,
      AgeRecipients recipients) throws Exception {
    return store(store, at, compression, true, false, Optional.of(recipients));
  }

  private static String store(SnapshotStore store, Instant at, Compression compression,
      boolean withEtcdHash, boolean manifestFirst, Optional<AgeRecipients> encryptTo)
      throws Exception {
    byte[] db = db(at.getEpochSecond(), withEtcdHash);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(db));
    SnapshotManifest manifest = new SnapshotManifest(1, at.toString(), "3.4.23", "c1", "m1",
        "etcd0", 42, 2, 10, db.length, sha, List.of(), "test");
    String name = ArchiveName.of(at, compression, encryptTo.isPresent());
    ArchivePipe.connect(out -> {
      if (manifestFirst) {
        writeManifestFirst(out, manifest, db, compression, at);
      } else {
        ArchiveWriter archive = ArchiveWriter.open(out, compression, at, encryptTo);
        archive.beginDb(db.length).write(db);
        archive.endDb();
        archive.writeManifest(manifest);
        archive.finish();
      }
    }, in -> store.put(name, in));
    return name;
  }

  static byte[] db(long seed, boolean withEtcdHash) {
    byte[] body = new byte[300_000];
    new SplittableRandom(seed).nextBytes(body);
    if (!withEtcdHash) {
      return body;
    }
    byte[] hash = sha256(body);
    byte[] db = java.util.Arrays.copyOf(body, body.length + hash.length);
    System.arraycopy(hash, 0, db, body.length, hash.length);
    return db;
  }

  private static void writeManifestFirst(OutputStream out, SnapshotManifest manifest, byte[] db,
      Compression compression, Instant at) throws java.io.IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(compression.compress(out))) {
      byte[] json = manifest.toJson();
      tar.putArchiveEntry(entry(SnapshotManifest.ENTRY, json.length, at));
      tar.write(json);
      tar.closeArchiveEntry();
      tar.putArchiveEntry(entry(ArchiveReader.DB_ENTRY, db.length, at));
      tar.write(db);
      tar.closeArchiveEntry();
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TarArchiveEntry entry(String name, long size, Instant at) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setModTime(Date.from(at));
    return entry;
  }
}
