package io.etcdwarden.backup;

import com.github.luben.zstd.ZstdOutputStream;
import io.etcdwarden.core.WardenException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * How an archive's tar stream is compressed. gzip (level 6, as {@code tar czf}) is the charm's
 * format and the default, compressed on up to four cores ({@link ParallelGzipOutputStream}); zstd
 * compresses many times faster, which matters for large databases: level {@value #ZSTD_LEVEL}
 * with zstd's own worker threads (up to two). Either way compression runs beside the thread
 * that receives and hashes the stream instead of after it.
 */
public enum Compression {
  GZIP("gzip", ".tar.gz"),
  ZSTD("zstd", ".tar.zst");

  private static final int BUFFER_BYTES = 1 << 16;
  private static final int MAGIC_BYTES = 6;
  static final int ZSTD_LEVEL = 1;
  /**
   * Compression threads are capped, so a snapshot's memory does not grow with the host: each
   * gzip thread keeps a block of 1 MiB in flight and its member (~2 MiB), each zstd worker a job.
   * Four gzip threads (~25 MB/s each at level 6) and two zstd workers (hundreds of MB/s at level 1)
   * keep up with the ~130 MB/s a member streams a snapshot at.
   */
  private static final int GZIP_THREADS = 4;
  private static final int ZSTD_WORKERS = 2;
  /**
   * zstd's smallest job (1 MiB, instead of its default of four windows): each worker's input and
   * output buffers are a job's size, and a 256 MiB snapshot peaked ~6 MiB lower with it.
   */
  private static final int ZSTD_JOB_BYTES = 1 << 20;

  private final String flag;
  private final String suffix;

  Compression(String flag, String suffix) {
    this.flag = flag;
    this.suffix = suffix;
  }

  public String flag() {
    return flag;
  }

  /** The archive file name's suffix, {@code .tar.gz} or {@code .tar.zst}. */
  public String suffix() {
    return suffix;
  }

  /** The compression an operator named with {@code --compression}. */
  public static Compression ofFlag(String value) {
    return Arrays.stream(values()).filter(c -> c.flag.equals(value)).findFirst()
        .orElseThrow(() -> WardenException.badInput("--compression must be gzip or zstd, got '"
            + value + "'"));
  }

  OutputStream compress(OutputStream out) throws IOException {
    return this == GZIP ? new ParallelGzipOutputStream(out, cores(GZIP_THREADS)) : zstd(out);
  }

  private static OutputStream zstd(OutputStream out) throws IOException {
    ZstdOutputStream zstd = new ZstdOutputStream(out, ZSTD_LEVEL);
    zstd.setWorkers(cores(ZSTD_WORKERS));
    zstd.setJobSize(ZSTD_JOB_BYTES);
    return zstd;
  }

  /** The host's cores, at least one and at most {@code cap}. */
  private static int cores(int cap) {
    return Math.max(1, Math.min(cap, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Decompresses {@code raw} as its first bytes say, whatever the archive's name: gzip (every
   * member: parallel gzip writes one per block), zstd, or else a plain tar (charm archives are
   * not always what their name says). xz and bzip2 are refused by name: we never write them.
   */
  static InputStream sniff(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER_BYTES);
    in.mark(MAGIC_BYTES);
    byte[] magic = in.readNBytes(MAGIC_BYTES);
    in.reset();
    if (startsWith(magic, 0x1f, 0x8b)) {
      return new GzipCompressorInputStream(in, true);
    }
    if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
      return new ZstdCompressorInputStream(in);
    }
    if (startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0) || startsWith(magic, 'B', 'Z', 'h')) {
      throw new ArchiveRefused("compressed with " + (magic[0] == 'B' ? "bzip2" : "xz")
          + ", which no etcd-warden or charm archive is (gzip, zstd or a plain tar)");
    }
    return in;
  }

  private static boolean startsWith(byte[] bytes, int... magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((bytes[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
