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
 * format and the default, compressed on every core ({@link ParallelGzipOutputStream}); zstd
 * compresses many times faster, which matters for large databases: level {@value #ZSTD_LEVEL}
 * with zstd's own worker threads (one per core). Either way compression runs beside the thread
 * that receives and hashes the stream instead of after it.
 */
public enum Compression {
  GZIP("gzip", ".tar.gz"),
  ZSTD("zstd", ".tar.zst");

  private static final int BUFFER_BYTES = 1 << 16;
  static final int ZSTD_LEVEL = 1;

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

  /** The compression an archive name says it has. */
  public static Compression ofName(String archiveName) {
    return Arrays.stream(values()).filter(c -> archiveName.endsWith(c.suffix)).findFirst()
        .orElseThrow(() -> WardenException.badInput("not a snapshot archive name (want "
            + GZIP.suffix + " or " + ZSTD.suffix + "): " + archiveName));
  }

  /** The compression an operator named with {@code --compression}. */
  public static Compression ofFlag(String value) {
    return Arrays.stream(values()).filter(c -> c.flag.equals(value)).findFirst()
        .orElseThrow(() -> WardenException.badInput("--compression must be gzip or zstd, got '"
            + value + "'"));
  }

  OutputStream compress(OutputStream out) throws IOException {
    return this == GZIP ? new ParallelGzipOutputStream(out, cores()) : zstd(out);
  }

  private static OutputStream zstd(OutputStream out) throws IOException {
    ZstdOutputStream zstd = new ZstdOutputStream(out, ZSTD_LEVEL);
    zstd.setWorkers(cores());
    return zstd;
  }

  private static int cores() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Reads every gzip member (parallel gzip writes one per block; {@code GZIPInputStream} may stop
   * after one when the source has no bytes available at a member boundary).
   */
  InputStream decompress(InputStream in) throws IOException {
    return this == GZIP ? new GzipCompressorInputStream(new BufferedInputStream(in, BUFFER_BYTES), true)
        : new ZstdCompressorInputStream(in);
  }
}
