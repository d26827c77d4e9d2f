package io.etcdwarden.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip on every core, the way pigz does it: the stream is cut into blocks of {@value
 * #BLOCK_BYTES} bytes, each compressed at level 6 (gzip's default, as {@code tar czf}) into a
 * gzip member of its own on a worker thread, and the members are written in order. Concatenated
 * members are one valid gzip file (RFC 1952); {@code gzip -d}, {@code tar xzf}, Python and
 * Java's {@code GZIPInputStream} read it whole. Memory is bounded: at most workers + 1 blocks
 * are in flight. Deflate (about 25 MB/s per core here) is the slowest stage of a gzip snapshot,
 * so this is what lets it keep up with etcd.
 */
final class ParallelGzipOutputStream extends OutputStream {
  static final int BLOCK_BYTES = 1 << 20;

  private final OutputStream out;
  private final ExecutorService workers;
  private final int maxInFlight;
  private final Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
  private byte[] block = new byte[BLOCK_BYTES];
  private int filled;
  private boolean closed;

  ParallelGzipOutputStream(OutputStream out, int threads) {
    this.out = out;
    this.maxInFlight = threads + 1;
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "snapshot-gzip");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, BLOCK_BYTES - filled);
      System.arraycopy(b, off, block, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == BLOCK_BYTES) {
        submit();
      }
    }
  }

  private void submit() throws IOException {
    byte[] data = block;
    int length = filled;
    inFlight.add(workers.submit(() -> compress(data, length)));
    block = new byte[BLOCK_BYTES];
    filled = 0;
    while (inFlight.size() >= maxInFlight) {
      drainOne();
    }
  }

  private static byte[] compress(byte[] data, int length) throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream(length / 2 + 64);
    try (GZIPOutputStream gzip = new LevelGzip(member)) {
      gzip.write(data, 0, length);
    }
    return member.toByteArray();
  }

  private void drainOne() throws IOException {
    try {
      out.write(inFlight.removeFirst().get());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    }
  }

  /** Writes every block compressed so far (a partial block is kept until it fills or closes). */
  @Override
  public void flush() throws IOException {
    while (!inFlight.isEmpty()) {
      drainOne();
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (filled > 0 || inFlight.isEmpty()) {
        submit(); // an empty stream still gets one (empty) member: a valid gzip file
      }
      flush();
    } finally {
      workers.shutdownNow();
      out.close();
    }
  }

  /** A gzip member at gzip's default level 6. */
  private static final class LevelGzip extends GZIPOutputStream {
    LevelGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.DEFAULT_COMPRESSION);
    }
  }
}
