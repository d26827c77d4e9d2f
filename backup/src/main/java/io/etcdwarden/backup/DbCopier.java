package io.etcdwarden.backup;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.SnapshotResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.Sha256Sidecar;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Copies etcd's snapshot stream into an archive's {@code db} entry in one pass. etcd announces
 * the database size in its first message ({@code remaining_bytes} + that message's bytes), sends
 * exactly that many bytes, then one last message holding the sha256 of them all; the entry (the
 * database with etcd's hash, as {@code etcdctl snapshot restore} wants it) is therefore announced
 * + 32 bytes long before its first byte is written. One digest serves both checks: a copy of it
 * taken where the database ends must equal etcd's hash, and the original, continued over the
 * hash, is the sha256 of {@code db} for the manifest. Any deviation from what etcd announced
 * fails the copy, so the archive is never published.
 */
final class DbCopier {
  /** A {@code db} entry copied in full: its size and sha256 (etcd's hash included). */
  record CopiedDb(long sizeBytes, String sha256) {}

  /** etcd's messages in order ({@link SnapshotStream}); null at the end. */
  interface Messages {
    /** Throws the stream's failure, or a TimeoutException after {@code idle} without data. */
    SnapshotResponse next(Duration idle) throws Throwable;
  }

  private final Messages stream;
  private final Duration idleTimeout;
  private final String source;
  private final Function<Throwable, String> explain;
  private final SnapshotProgress progress;
  private long received;

  /** {@code source} names the member in messages; {@code explain} turns failures into lines. */
  DbCopier(Messages stream, Duration idleTimeout, String source,
      Function<Throwable, String> explain, SnapshotProgress progress) {
    this.stream = stream;
    this.idleTimeout = idleTimeout;
    this.source = source;
    this.explain = explain;
    this.progress = progress;
  }

  CopiedDb copyInto(ArchiveWriter archive) throws IOException {
    SnapshotResponse first = next();
    if (first == null) {
      throw cutShort("before any data", null);
    }
    long dbBytes = first.getRemainingBytes() + first.getBlob().size();
    long entryBytes = dbBytes + DbDigests.HASH_BYTES;
    OutputStream db = archive.beginDb(entryBytes);
    MessageDigest sha256 = Sha256Sidecar.newDigest();
    byte[] etcdHash = null;
    for (SnapshotResponse message = first; message != null; message = next()) {
      ByteString blob = message.getBlob();
      if (etcdHash == null) {
        long left = dbBytes - received - blob.size();
        if (left < 0 || message.getRemainingBytes() != left) {
          throw deviation("announced " + dbBytes + " bytes, then sent " + (received
              + blob.size()) + " with " + message.getRemainingBytes() + " remaining");
        }
      } else if (received != dbBytes || blob.size() != DbDigests.HASH_BYTES) {
        throw deviation("sent " + blob.size() + " bytes after the announced " + dbBytes
            + " bytes and etcd's 32-byte hash");
      } else if (!blob.equals(ByteString.copyFrom(etcdHash))) {
        throw WardenException.retryable("snapshot stream from " + source + " ends with a hash"
            + " that does not match its " + dbBytes + " bytes: the database was corrupted in"
            + " transit; try again", null);
      }
      blob.writeTo(db);
      for (ByteBuffer part : blob.asReadOnlyByteBufferList()) {
        sha256.update(part);
      }
      received += blob.size();
      if (etcdHash == null && received == dbBytes) {
        etcdHash = copyOf(sha256).digest();
      }
      progress.update(Math.min(received, dbBytes), dbBytes);
    }
    if (received != entryBytes) {
      throw cutShort("after " + received + " of " + entryBytes + " bytes (" + dbBytes
          + " announced + etcd's 32-byte hash)", null);
    }
    archive.endDb();
    return new CopiedDb(entryBytes, Sha256Sidecar.hex(sha256));
  }

  private SnapshotResponse next() {
    try {
      return stream.next(idleTimeout);
    } catch (TimeoutException e) {
      throw WardenException.retryable("snapshot stream from " + source + " stalled: no data for "
          + seconds(idleTimeout) + " after " + received + " bytes", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while streaming the snapshot", e);
    } catch (Throwable e) {
      throw cutShort(null, e);
    }
  }

  private WardenException cutShort(String when, Throwable failure) {
    if (failure == null) {
      return WardenException.retryable("snapshot stream from " + source + " ended " + when
          + ": the stream was cut short; try again", null);
    }
    return WardenException.retryable("snapshot stream from " + source + " broke off after "
        + received + " bytes: " + explain.apply(failure), failure);
  }

  private WardenException deviation(String what) {
    return WardenException.retryable("snapshot stream from " + source + " " + what
        + ": not a well-formed etcd snapshot stream", null);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static MessageDigest copyOf(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
    }
  }
}
