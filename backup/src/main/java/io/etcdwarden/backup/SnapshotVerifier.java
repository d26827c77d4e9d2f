package io.etcdwarden.backup;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.storage.Sha256Sidecar;
import io.etcdwarden.storage.SnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-reads an archive from its store in one streaming pass and checks everything it can: the
 * archive's sha256 against its {@code .sha256}, the manifest, the {@code db} entry's size and
 * sha256 against the manifest, and the sha256 etcd appended to the db itself (what {@code
 * etcdctl snapshot restore} checks). The manifest may come before or after {@code db}.
 */
public final class SnapshotVerifier {
  private static final int BUFFER_BYTES = 1 << 16;

  private SnapshotVerifier() {}

  public static Verification verify(SnapshotStore store, String name) {
    List<String> problems = new ArrayList<>();
    Optional<String> expected = expectedSha256(store, name, problems);
    MessageDigest archiveSha = Sha256Sidecar.newDigest();
    Optional<SnapshotManifest> manifest = Optional.empty();
    long archiveBytes = 0;
    try (InputStream raw = store.open(name);
        CountingDigest counted = new CountingDigest(raw, archiveSha);
        ArchiveReader reader = ArchiveReader.open(counted, name)) {
      Optional<DbFacts> db = Optional.empty();
      for (Optional<String> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
        if (entry.get().equals(SnapshotManifest.ENTRY) && manifest.isEmpty()) {
          manifest = Optional.of(reader.readManifest());
        } else if (entry.get().equals(ArchiveReader.DB_ENTRY) && db.isEmpty()) {
          db = Optional.of(DbFacts.read(reader.entry()));
        } else {
          problems.add("unexpected entry " + entry.get());
        }
      }
      if (manifest.isEmpty()) {
        problems.add("no " + SnapshotManifest.ENTRY + " in the archive");
      }
      if (db.isEmpty()) {
        problems.add("no db entry in the archive");
      }
      if (manifest.isPresent() && db.isPresent()) {
        db.get().check(manifest.get(), problems);
      }
      counted.transferTo(OutputStream.nullOutputStream());
      archiveBytes = counted.count;
    } catch (IOException e) {
      problems.add("unreadable archive: " + FailureText.of(e));
    }
    String actual = Sha256Sidecar.hex(archiveSha);
    if (expected.isPresent() && problems.isEmpty() && !expected.get().equals(actual)) {
      problems.add("archive sha256 " + actual + " differs from its .sha256 " + expected.get());
    }
    return new Verification(name, archiveBytes, manifest, problems);
  }

  /** What one pass over the {@code db} entry found: size, sha256, etcd's own hash check. */
  private record DbFacts(long size, String sha256, boolean etcdHashMatches) {
    static DbFacts read(InputStream db) throws IOException {
      DbDigests digests = new DbDigests();
      long size = 0;
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n = db.read(buffer); n >= 0; n = db.read(buffer)) {
        digests.update(buffer, 0, n);
        size += n;
      }
      DbDigests.Result result = digests.finish();
      return new DbFacts(size, result.sha256(), result.etcdHashValid());
    }

    void check(SnapshotManifest manifest, List<String> problems) {
      if (size != manifest.dbSize()) {
        problems.add("db is " + size + " bytes, the manifest says " + manifest.dbSize());
      }
      if (!sha256.equals(manifest.dbSha256())) {
        problems.add("db sha256 " + sha256 + " differs from the manifest's "
            + manifest.dbSha256());
      }
      if (!etcdHashMatches) {
        problems.add("db does not end with etcd's valid hash");
      }
    }
  }

  private static Optional<String> expectedSha256(SnapshotStore store, String name,
      List<String> problems) {
    try (InputStream in = store.open(name + SnapshotStore.SHA256_SUFFIX)) {
      Optional<String> hex = Sha256Sidecar.parse(
          new String(in.readNBytes(4096), StandardCharsets.UTF_8), name);
      if (hex.isEmpty()) {
        problems.add(name + SnapshotStore.SHA256_SUFFIX + " is not a sha256sum line for it");
      }
      return hex;
    } catch (IOException | RuntimeException e) {
      problems.add("cannot read " + name + SnapshotStore.SHA256_SUFFIX + ": " + FailureText.of(e));
      return Optional.empty();
    }
  }

  /** Digests and counts every byte pulled from the store. */
  private static final class CountingDigest extends DigestInputStream {
    long count;

    CountingDigest(InputStream in, MessageDigest digest) {
      super(in, digest);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(0, n);
      return n;
    }
  }
}
