package io.etcdwarden.restore;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Archives no etcd-warden ever writes, built entry by entry with commons-compress. */
final class HostileTars {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final OutputStream compressed;
  private final TarArchiveOutputStream tar;

  private HostileTars(boolean zstd) throws IOException {
    compressed = zstd ? new ZstdCompressorOutputStream(bytes) : new GZIPOutputStream(bytes);
    tar = new TarArchiveOutputStream(new FilterOutputStream(compressed) {
      @Override
      public void close() throws IOException {
        flush(); // the tar ends, the compressed stream goes on (for a trailer)
      }
    });
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  static HostileTars gzip() throws IOException {
    return new HostileTars(false);
  }

  static HostileTars zstd() throws IOException {
    return new HostileTars(true);
  }

  /** A regular file {@code name} holding {@code data}. */
  HostileTars file(String name, byte[] data) throws IOException {
    return entry(name, TarConstants.LF_NORMAL, data, e -> { });
  }

  /** A link, device or other entry of tar type {@code flag} pointing at {@code target}. */
  HostileTars special(String name, byte flag, String target) throws IOException {
    return entry(name, flag, new byte[0], e -> e.setLinkName(target));
  }

  /** A header that claims {@code size} bytes followed by {@code data} only. */
  HostileTars claiming(String name, long size, byte[] data) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.flush();
    compressed.close();
    return this;
  }

  HostileTars entry(String name, byte flag, byte[] data, Consumer<TarArchiveEntry> adjust)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, flag, true);
    entry.setSize(flag == TarConstants.LF_NORMAL ? data.length : 0);
    adjust.accept(entry);
    tar.putArchiveEntry(entry);
    tar.write(data);
    tar.closeArchiveEntry();
    return this;
  }

  /** The finished archive, optionally with {@code trailer} after the tar's end. */
  byte[] finish(byte[] trailer) throws IOException {
    tar.close();
    compressed.write(trailer);
    compressed.close();
    return bytes.toByteArray();
  }

  byte[] finish() throws IOException {
    return finish(new byte[0]);
  }

  /** The bytes so far, when {@link #claiming} cut the archive short. */
  byte[] cut() {
    return bytes.toByteArray();
  }
}
