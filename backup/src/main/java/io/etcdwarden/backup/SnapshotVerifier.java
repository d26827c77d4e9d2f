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
 * archive's sha256 against its {@code .sha256}, and, through {@link ArchiveContents} (the same
 * reader and judgement restore and drill use), the archive's layout, the manifest, the {@code
 * db} entry's size and sha256 against the manifest, and the sha256 etcd appended to the db
 * itself (what {@code snapshot restore} checks). An age-encrypted archive is decrypted on the
 * way, in memory; the {@code .sha256} covers the ciphertext as stored.
 */
public final class SnapshotVerifier {
  private static final int BUFFER_BYTES = 1 << 16;

  private SnapshotVerifier() {}

  public static Verification verify(SnapshotStore store, String name) {
    return verify(store, name, Optional.empty());
  }

  /**
   * Verifies {@code name}, opening it with {@code identity} if it is age-encrypted. Without an
   * identity an encrypted archive gets what can be checked without its key, its sha256 against
   * the {@code .sha256} and its age header, and the summary says so.
   */
  public static Verification verify(SnapshotStore store, String name,
      Optional<AgeIdentity> identity) {
    List<String> problems = new ArrayList<>();
    Optional<String> expected = expectedSha256(store, name, problems);
    MessageDigest archiveSha = Sha256Sidecar.newDigest();
    Optional<SnapshotManifest> manifest = Optional.empty();
    String summary = "";
    long archiveBytes = 0;
    try (InputStream raw = store.open(name);
        CountingDigest counted = new CountingDigest(raw, archiveSha)) {
      try {
        ArchiveContents contents = ArchiveContents.read(counted, identity,
            SnapshotVerifier::digest);
        manifest = contents.manifest();
        summary = contents.describe();
        problems.addAll(contents.problems());
      } catch (ArchiveLocked e) {
        if (e.withoutIdentity()) {
          summary = "age-encrypted for " + ArchiveLocked.madeFor(e.recipients()) + "; no"
              + " identity given: checked the sha256 and the age header only";
        } else {
          problems.add(e.getMessage());
        }
      } catch (IOException e) {
        problems.add((e instanceof ArchiveRefused ? "refused: " : "unreadable archive: ")
            + e.getMessage());
      }
      counted.transferTo(OutputStream.nullOutputStream());
      archiveBytes = counted.count;
    } catch (IOException e) {
      problems.add("unreadable archive: " + FailureText.of(e));
    }
    String actual = Sha256Sidecar.hex(archiveSha);
    if (expected.isPresent() && !expected.get().equals(actual)) {
      // A corrupt archive breaks its reading first; the sha256 says why in one line.
      problems.clear();
      problems.add("archive sha256 " + actual + " differs from its .sha256 " + expected.get());
    }
    return new Verification(name, archiveBytes, manifest, problems, summary);
  }

  private static DbDigests.Result digest(InputStream db, long size) throws IOException {
    DbDigests digests = new DbDigests();
    byte[] buffer = new byte[BUFFER_BYTES];
    for (int n = db.read(buffer); n >= 0; n = db.read(buffer)) {
      digests.update(buffer, 0, n);
    }
    return digests.finish();
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
