package io.etcdwarden.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes archive format v1: a compressed tar holding {@code manifest.json} first (so a listing
 * reads it without decompressing the database) and then {@code db}, byte for byte as etcd
 * streamed it. POSIX big-number mode keeps databases over 8 GiB valid.
 */
final class ArchiveWriter {
  static final String DB_ENTRY = "db";
  private static final int FILE_MODE = 0100600;
  private static final int BLOCK_BYTES = 1 << 18;

  private ArchiveWriter() {}

  static void write(OutputStream out, SnapshotManifest manifest, SpooledSnapshot db,
      Compression compression, Instant createdAt) throws IOException {
    // tar writes 512-byte records; the compressors are far faster fed in large blocks.
    OutputStream compressed = new java.io.BufferedOutputStream(
        compression.compress(new NonClosing(out)), BLOCK_BYTES);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      byte[] json = manifest.toJson();
      tar.putArchiveEntry(entry(SnapshotManifest.ENTRY, json.length, createdAt));
      tar.write(json);
      tar.closeArchiveEntry();
      tar.putArchiveEntry(entry(DB_ENTRY, db.sizeBytes(), createdAt));
      try (InputStream in = Files.newInputStream(db.file())) {
        in.transferTo(tar);
      }
      tar.closeArchiveEntry();
      tar.finish();
    }
    out.flush();
  }

  private static TarArchiveEntry entry(String name, long size, Instant modified) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(FILE_MODE);
    entry.setModTime(Date.from(modified));
    return entry;
  }

  /** Lets the tar and compressor close (flushing their trailers) without closing the sink. */
  private static final class NonClosing extends java.io.FilterOutputStream {
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
