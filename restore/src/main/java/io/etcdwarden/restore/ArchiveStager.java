package io.etcdwarden.restore;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.ArchiveContents;
import io.etcdwarden.backup.ArchiveLocked;
import io.etcdwarden.backup.ArchiveRefused;
import io.etcdwarden.backup.DbDigests;
import io.etcdwarden.backup.SnapshotManifest;
import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.Sha256Sidecar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * Reads an archive in one streaming pass and writes its {@code db} to a staging file, checking
 * on the way everything that can be checked: the archive's sha256 (against its {@code .sha256}
 * or the operator's {@code --sha256}) and, through {@link ArchiveContents} (the reader and
 * judgement {@code snapshots verify} uses too), the layout, the manifest, the db's size and
 * sha256 against the manifest, and etcd's embedded hash. Nothing but the {@code db} entry is
 * ever written, and only to the staging file; a hostile entry is refused from its header. On
 * any failure the staging file is deleted and nothing else was touched.
 */
final class ArchiveStager {
  private ArchiveStager() {}

  /**
   * Stages {@code name} from {@code raw} as {@code dbFile}; {@code expectedSha} from the
   * operator or the store.
   */
  static StagedArchive stage(String name, InputStream raw, Optional<String> expectedSha,
      String expectedShaOrigin, Path dbFile) {
    return stage(name, raw, expectedSha, expectedShaOrigin, dbFile, () -> false,
        Optional.empty());
  }

  /**
   * As above; stops at the next chunk once {@code abandoned} says the result is not wanted, and
   * opens an age-encrypted archive with {@code identity} (in memory, as it streams).
   */
  static StagedArchive stage(String name, InputStream raw, Optional<String> expectedSha,
      String expectedShaOrigin, Path dbFile, BooleanSupplier abandoned,
      Optional<AgeIdentity> identity) {
    createOwn(dbFile, raw);
    MessageDigest archiveSha = Sha256Sidecar.newDigest();
    DigestInputStream digested = new DigestInputStream(raw, archiveSha);
    try {
      StagedArchive staged = read(name, digested, archiveSha, dbFile, abandoned, identity);
      requireSha(name, staged.archiveSha256(), expectedSha, expectedShaOrigin);
      return staged.checkedAgainst(expectedSha.isPresent() ? expectedShaOrigin : "");
    } catch (IOException e) {
      deleteQuietly(dbFile);
      // A corrupt archive usually breaks decompression first; say so in the sha256's words.
      if (expectedSha.isPresent() && !abandoned.getAsBoolean()) {
        try {
          digested.transferTo(OutputStream.nullOutputStream());
          requireSha(name, Sha256Sidecar.hex(archiveSha), expectedSha, expectedShaOrigin);
        } catch (IOException ignored) {
          // The store failed too: the read error below is the one to report.
        }
      }
      throw new WardenException(name + (e instanceof ArchiveRefused ? ": refused: "
          : e instanceof ArchiveLocked ? ": " : ": cannot read the archive: ")
          + FailureText.of(e) + "; nothing was changed", e);
    } catch (RuntimeException e) {
      deleteQuietly(dbFile);
      throw e;
    } finally {
      try {
        raw.close();
      } catch (IOException e) {
        // Everything needed was read or has already failed; a close error adds nothing.
      }
    }
  }

  /**
   * Creates the staging file, readable by its owner only (it will hold the whole keyspace), or
   * refuses without touching a file that already exists: everything deleted later is ours.
   */
  private static void createOwn(Path dbFile, InputStream raw) {
    try {
      Files.createFile(dbFile, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      try {
        raw.close();
      } catch (IOException ignored) {
        // Nothing was read; the refusal below is what matters.
      }
      throw new WardenException("cannot create the staging file " + dbFile + ": "
          + (e instanceof FileAlreadyExistsException ? "it exists and is not replaced"
          : e.getMessage()) + "; nothing was changed", e);
    }
  }

  private static void requireSha(String name, String actual, Optional<String> expected,
      String origin) {
    if (expected.isPresent() && !expected.get().equalsIgnoreCase(actual)) {
      throw new WardenException(name + ": sha256 " + actual + " differs from " + expected.get()
          + " (" + origin + "); the archive is corrupt or not the one meant; nothing was changed");
    }
  }

  private static StagedArchive read(String name, DigestInputStream digested,
      MessageDigest archiveSha, Path dbFile, BooleanSupplier abandoned,
      Optional<AgeIdentity> identity) throws IOException {
    // Not closed here: on a read error the caller still drains the raw stream for its sha256.
    ArchiveContents contents = ArchiveContents.read(digested, identity,
        (db, size) -> copy(db, size, dbFile, abandoned));
    digested.transferTo(OutputStream.nullOutputStream());
    List<String> problems = contents.problems();
    if (!problems.isEmpty()) {
      throw new WardenException(name + ": " + problems.get(0) + "; nothing was changed");
    }
    Optional<SnapshotManifest> manifest = contents.manifest();
    OptionalLong keyCount = manifest.map(SnapshotManifest::keyCount)
        .map(OptionalLong::of).orElse(OptionalLong.empty());
    return new StagedArchive(name, dbFile, manifest, keyCount, Sha256Sidecar.hex(archiveSha),
        contents.db().sha256(), contents.dbSize(), contents.db().etcdHashValid(), "");
  }

  /** Writes the {@code db} entry of {@code size} bytes to {@code dbFile}, if the disk has room. */
  private static DbDigests.Result copy(InputStream in, long size, Path dbFile,
      BooleanSupplier abandoned) throws IOException {
    Path folder = dbFile.toAbsolutePath().getParent();
    long free = Files.getFileStore(folder).getUsableSpace();
    if (size > free) {
      throw new ArchiveRefused("its db is " + size + " bytes, more than the " + free
          + " bytes free in " + folder);
    }
    try (DbSink sink = new DbSink(dbFile)) {
      while (true) {
        if (abandoned.getAsBoolean()) {
          throw new IOException("abandoned");
        }
        byte[] buffer = sink.buffer();
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n == 0) {
          break;
        }
        sink.submit(buffer, n);
      }
      return sink.finish().digests();
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Best effort: a staging file left behind is named and harmless.
    }
  }
}
