package io.etcdwarden.storage;

import io.etcdwarden.core.WardenException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link SnapshotStore} every provider gets: hashes an archive while it streams to the
 * provider's {@link BlobStore}, writes {@code <name>.sha256} only after the archive is complete,
 * removes the archive it published when the checksum cannot follow (never anything another run
 * published), lists an archive only when its checksum file exists, and keeps verification marks. Provider failures become one-line {@link WardenException}s naming the location.
 */
public final class ChecksummedStore implements SnapshotStore {
  /** A sha256sum line for one of our names is far below this; more is not ours. */
  private static final int HASH_FILE_LIMIT = 4096;
  private final BlobStore blobs;
  private final String location;

  public ChecksummedStore(BlobStore blobs, String location) {
    this.blobs = blobs;
    this.location = location;
  }

  @Override
  public PublishedSnapshot put(String name, InputStream data) {
    requireArchiveName(name);
    MessageDigest sha256 = Sha256Sidecar.newDigest();
    long size;
    try {
      size = blobs.write(name, new DigestInputStream(data, sha256));
    } catch (FileAlreadyExistsException e) {
      throw WardenException.retryable("an archive named " + name + " is already in " + location
          + " (another snapshot in the same second?): it was left as it is and this run"
          + " published nothing", e);
    } catch (IOException | RuntimeException e) {
      // A provider's write is atomic: nothing of ours to remove (and an archive that was
      // already there under this name is not ours to delete).
      throw failure(e, "cannot write " + blobs.locate(name));
    }
    String hex = Sha256Sidecar.hex(sha256);
    try {
      blobs.write(name + SHA256_SUFFIX, new ByteArrayInputStream(Sha256Sidecar.render(hex, name)));
    } catch (IOException | RuntimeException e) {
      throw removeAfterFailure(name, e, "cannot write " + blobs.locate(name + SHA256_SUFFIX));
    }
    return new PublishedSnapshot(name, blobs.locate(name), size, hex, blobs.copyCommand(name));
  }

  @Override
  public InputStream open(String name) {
    requireName(name);
    try {
      return blobs.read(name);
    } catch (NoSuchFileException e) {
      throw WardenException.badInput("no snapshot " + name + " in " + location, e);
    } catch (IOException e) {
      throw WardenException.retryable("cannot read " + blobs.locate(name) + ": " + e, e);
    }
  }

  @Override
  public List<StoredSnapshot> list() {
    List<Blob> all;
    try {
      all = blobs.list();
    } catch (IOException e) {
      throw WardenException.retryable("cannot list " + location + ": " + e, e);
    }
    Set<String> names = all.stream().map(Blob::name).collect(Collectors.toSet());
    return all.stream()
        .filter(b -> !b.name().endsWith(SHA256_SUFFIX) && names.contains(b.name() + SHA256_SUFFIX))
        .map(b -> new StoredSnapshot(b.name(), b.sizeBytes(), b.modified()))
        .sorted(Comparator.comparing(StoredSnapshot::name))
        .toList();
  }

  @Override
  public boolean delete(String name) {
    requireArchiveName(name);
    try {
      // The checksum first: from then on the archive is no longer listed as a backup.
      boolean sidecar = blobs.delete(name + SHA256_SUFFIX);
      boolean mark = blobs.delete(name + VERIFIED_SUFFIX);
      return blobs.delete(name) || sidecar || mark;
    } catch (IOException e) {
      throw WardenException.retryable("cannot delete " + blobs.locate(name) + ": " + e, e);
    }
  }

  @Override
  public void markVerified(String name) {
    requireArchiveName(name);
    String hex = recordedSha256(name).orElseThrow(() -> WardenException.badInput(
        "cannot mark " + name + " verified: its " + SHA256_SUFFIX + " is missing or malformed"));
    String mark = name + VERIFIED_SUFFIX;
    try {
      // A mark never replaces another in place (writes are exclusive): the old one goes first.
      blobs.delete(mark);
      blobs.write(mark, new ByteArrayInputStream(Sha256Sidecar.render(hex, name)));
    } catch (FileAlreadyExistsException e) {
      // Another verification of the same archive wrote its mark between our two steps.
      return;
    } catch (IOException | RuntimeException e) {
      throw failure(e, "cannot write " + blobs.locate(mark));
    }
  }

  @Override
  public boolean verified(String name) {
    requireArchiveName(name);
    Optional<String> mark = readHash(name + VERIFIED_SUFFIX, name);
    return mark.isPresent() && mark.equals(recordedSha256(name));
  }

  private Optional<String> recordedSha256(String name) {
    return readHash(name + SHA256_SUFFIX, name);
  }

  /** The digest a small sha256sum-format object records for {@code name}; empty if none. */
  private Optional<String> readHash(String object, String name) {
    try (InputStream in = blobs.read(object)) {
      return Sha256Sidecar.parse(new String(in.readNBytes(HASH_FILE_LIMIT),
          StandardCharsets.UTF_8), name);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw WardenException.retryable("cannot read " + blobs.locate(object) + ": " + e, e);
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public void close() {
    try {
      blobs.close();
    } catch (Exception e) {
      throw WardenException.retryable("cannot close the client of " + location + ": " + e, e);
    }
  }

  /**
   * Removes the archive this run published when its checksum could not follow. Only the
   * archive: the checksum's own write is atomic, so a failed one left nothing of ours, and a
   * checksum already there under that name is not ours to delete.
   */
  private WardenException removeAfterFailure(String name, Exception failure, String what) {
    try {
      blobs.delete(name);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
    return failure(failure, what);
  }

  private static WardenException failure(Exception failure, String what) {
    if (failure instanceof WardenException w) {
      return w;
    }
    return WardenException.retryable(what + ": " + failure.getMessage(), failure);
  }

  private static void requireArchiveName(String name) {
    requireName(name);
    if (name.endsWith(SHA256_SUFFIX) || name.endsWith(VERIFIED_SUFFIX)) {
      throw WardenException.badInput("not an archive name: " + name);
    }
  }

  private static void requireName(String name) {
    if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
      throw WardenException.badInput("not a snapshot name: '" + name + "'");
    }
  }
}
