package io.etcdwarden.backup;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes archive format v1 as one stream: a compressed tar holding {@code db}, byte for byte as
 * etcd streamed it, then {@code manifest.json}, whose sha256 of {@code db} is known only once
 * the database has passed. A tar header needs the entry's size first; etcd announces the size at
 * the start of its stream, so nothing is spooled. (Archives written before 0.1 hold the manifest
 * first; {@link ArchiveReader} reads both orders.) POSIX big-number mode keeps databases over
 * 8 GiB valid. With recipients, the compressed stream is age-encrypted on its way out.
 */
final class ArchiveWriter {
  static final String DB_ENTRY = ArchiveReader.DB_ENTRY;
  private static final int FILE_MODE = 0100600;
  private static final int BLOCK_BYTES = 1 << 18;

  private final TarArchiveOutputStream tar;
  private final OutputStream sink;
  private final Instant createdAt;

  private ArchiveWriter(TarArchiveOutputStream tar, OutputStream sink, Instant createdAt) {
    this.tar = tar;
    this.sink = sink;
    this.createdAt = createdAt;
  }

  /** Starts an archive on {@code out}, which is flushed but not closed by {@link #finish}. */
  static ArchiveWriter open(OutputStream out, Compression compression, Instant createdAt,
      Optional<AgeRecipients> encryptTo) throws IOException {
    OutputStream stored = new NonClosing(out);
    if (encryptTo.isPresent()) {
      // Closing the compressor closes the encryption, which writes age's last chunk.
      stored = AgeStreams.encrypt(stored, encryptTo.get());
    }
    // tar writes 512-byte records; the compressors are far faster fed in large blocks.
    OutputStream compressed = new BufferedOutputStream(compression.compress(stored),
        BLOCK_BYTES);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    return new ArchiveWriter(tar, out, createdAt);
  }

  /** Starts the {@code db} entry of exactly {@code size} bytes; write them to the result. */
  OutputStream beginDb(long size) throws IOException {
    tar.putArchiveEntry(entry(DB_ENTRY, size));
    return tar;
  }

  /** Ends the {@code db} entry; fails when fewer bytes were written than announced. */
  void endDb() throws IOException {
    tar.closeArchiveEntry();
  }

  void writeManifest(SnapshotManifest manifest) throws IOException {
    byte[] json = manifest.toJson();
    tar.putArchiveEntry(entry(SnapshotManifest.ENTRY, json.length));
    tar.write(json);
    tar.closeArchiveEntry();
  }

  /** Writes the tar trailer and the compressor's end, and flushes the sink. */
  void finish() throws IOException {
    tar.finish();
    tar.close();
    sink.flush();
  }

  private TarArchiveEntry entry(String name, long size) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(FILE_MODE);
    entry.setModTime(Date.from(createdAt));
    return entry;
  }

  /** Lets the tar and compressor close (flushing their trailers) without closing the sink. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
