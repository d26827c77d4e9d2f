package io.etcdwarden.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.backup.DbDigests;
import io.etcdwarden.backup.SnapshotManifest;
import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.Sha256Sidecar;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Reads an archive in one streaming pass and writes its {@code db} to a staging file, checking
 * on the way everything that can be checked: the archive's sha256 (against its {@code .sha256}
 * or the operator's {@code --sha256}), the manifest, the db's size and sha256 against the
 * manifest, and etcd's embedded hash. Entries may come in any order ({@code manifest.json}
 * before or after {@code db}); the compression is sniffed from the bytes (gzip, zstd or a plain
 * tar), since charm archives are not always what their name says. On any failure the staging
 * file is deleted and nothing else was touched.
 */
final class ArchiveStager {
  private static final int BUFFER_BYTES = 1 << 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArchiveStager() {}

  /** Stages {@code name} from {@code raw} as {@code dbFile}; {@code expectedSha} from the operator or the store. */
  static StagedArchive stage(String name, InputStream raw, Optional<String> expectedSha,
      String expectedShaOrigin, Path dbFile) {
    return stage(name, raw, expectedSha, expectedShaOrigin, dbFile, () -> false);
  }

  /** As above; stops at the next chunk once {@code abandoned} says the result is not wanted. */
  static StagedArchive stage(String name, InputStream raw, Optional<String> expectedSha,
      String expectedShaOrigin, Path dbFile, BooleanSupplier abandoned) {
    MessageDigest archiveSha = Sha256Sidecar.newDigest();
    DigestInputStream digested = new DigestInputStream(raw, archiveSha);
    try {
      StagedArchive staged = read(name, digested, archiveSha, dbFile, abandoned);
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
      throw new WardenException(name + ": cannot read the archive: " + FailureText.of(e)
          + "; nothing was changed", e);
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

  private static void requireSha(String name, String actual, Optional<String> expected,
      String origin) {
    if (expected.isPresent() && !expected.get().equalsIgnoreCase(actual)) {
      throw new WardenException(name + ": sha256 " + actual + " differs from " + expected.get()
          + " (" + origin + "); the archive is corrupt or not the one meant; nothing was changed");
    }
  }

  private static StagedArchive read(String name, DigestInputStream digested,
      MessageDigest archiveSha, Path dbFile, BooleanSupplier abandoned) throws IOException {
    DbDigests.Result db = null;
    Optional<JsonNode> manifestJson = Optional.empty();
    long dbSize = -1;
    boolean sawWal = false;
    // Not closed here: on a read error the caller still drains the raw stream for its sha256.
    TarArchiveInputStream tar = new TarArchiveInputStream(decompress(digested));
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      String entry = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
      if (entry.equals(SnapshotManifest.ENTRY)) {
        manifestJson = Optional.of(JSON.readTree(tar.readNBytes(1 << 20)));
      } else if ((entry.equals("db") || entry.equals("member/snap/db")) && e.isFile()) {
        if (dbSize >= 0) {
          throw new IOException("two db entries");
        }
        DbSink.Written written = copy(tar, dbFile, abandoned);
        db = written.digests();
        dbSize = written.size();
      } else if (entry.startsWith("member/wal")) {
        sawWal = true;
      }
    }
    digested.transferTo(OutputStream.nullOutputStream());
    if (dbSize < 0) {
      throw new WardenException(name + (sawWal ? ": an etcd v2 data dir (member/wal without"
          + " member/snap/db) cannot be restored as v3; migrate first: start it with etcd 3.4,"
          + " run 'ETCDCTL_API=3 etcdctl migrate --data-dir DIR' (v2->v3), take a snapshot with"
          + " 'etcd-warden snapshot' and restore that" : ": no db entry; not an etcd snapshot"
          + " archive") + "; nothing was changed");
    }
    boolean hashValid = db.etcdHashValid();
    String dbHex = db.sha256();
    Optional<SnapshotManifest> manifest = Optional.empty();
    OptionalLong keyCount = OptionalLong.empty();
    if (manifestJson.isPresent()) {
      manifest = Optional.of(parse(name, manifestJson.get()));
      if (manifestJson.get().path("key_count").isNumber()) {
        keyCount = OptionalLong.of(manifestJson.get().path("key_count").asLong());
      }
      check(name, manifest.get(), dbSize, dbHex, hashValid);
    }
    return new StagedArchive(name, dbFile, manifest, keyCount, Sha256Sidecar.hex(archiveSha),
        dbHex, dbSize, hashValid, "");
  }

  private static SnapshotManifest parse(String name, JsonNode json) {
    try {
      return SnapshotManifest.fromJson(JSON.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new WardenException(name + ": manifest.json does not parse: " + e.getMessage()
          + "; nothing was changed", e);
    }
  }

  private static void check(String name, SnapshotManifest m, long size, String sha,
      boolean hashValid) {
    String problem = null;
    if (size != m.dbSize()) {
      problem = "db is " + size + " bytes, the manifest says " + m.dbSize();
    } else if (!sha.equals(m.dbSha256())) {
      problem = "db sha256 " + sha + " differs from the manifest's " + m.dbSha256();
    } else if (!hashValid) {
      problem = "db does not end with etcd's valid hash";
    }
    if (problem != null) {
      throw new WardenException(name + ": " + problem + "; nothing was changed");
    }
  }

  private static DbSink.Written copy(InputStream in, Path dbFile, BooleanSupplier abandoned)
      throws IOException {
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
      return sink.finish();
    }
  }

  /** gzip and zstd by their magic bytes; anything else is read as a plain tar. */
  private static InputStream decompress(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
    buffered.mark(4);
    byte[] magic = buffered.readNBytes(4);
    buffered.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(buffered, BUFFER_BYTES);
    }
    if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      return new ZstdCompressorInputStream(buffered);
    }
    return buffered;
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Best effort: a staging file left behind is named and harmless.
    }
  }
}
