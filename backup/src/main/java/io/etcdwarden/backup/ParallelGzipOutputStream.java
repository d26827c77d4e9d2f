package io.etcdwarden.backup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * gzip on several cores, the way pigz does it: the stream is cut into blocks of {@value
 * #BLOCK_BYTES} bytes, each compressed at level 6 (gzip's default, as {@code tar czf}) into a
 * gzip member of its own on a worker thread, and the members are written in order. Concatenated
 * members are one valid gzip file (RFC 1952); {@code gzip -d}, {@code tar xzf}, Python and
 * Java's {@code GZIPInputStream} read it whole. Memory is bounded: at most workers + 1 blocks
 * are in flight. Deflate (about 25 MB/s per core here) is the slowest stage of a gzip snapshot,
 * so this is what lets it keep up with etcd.
 *
 * <p>The {@code threads + 1} blocks and what compresses them ({@link GzipMember}) are made once
 * and used again, so the stream makes next to no garbage whatever the snapshot's size.
 */
final class ParallelGzipOutputStream extends OutputStream {
  static final int BLOCK_BYTES = 1 << 20;

  private final OutputStream out;
  private final ExecutorService workers;
  private final Deque<GzipMember> free = new ArrayDeque<>();
  private final Deque<Future<GzipMember>> inFlight = new ArrayDeque<>();
  private final List<GzipMember> all = new ArrayList<>();
  private final int maxInFlight;
  private GzipMember current;
  private boolean closed;

  ParallelGzipOutputStream(OutputStream out, int threads) {
    this.out = out;
    this.maxInFlight = threads + 1;
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "snapshot-gzip");
      t.setDaemon(true);
      return t;
    });
    this.current = member();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, BLOCK_BYTES - current.filled);
      System.arraycopy(b, off, current.block, current.filled, n);
      current.filled += n;
      off += n;
      len -= n;
      if (current.filled == BLOCK_BYTES) {
        submit();
      }
    }
  }

  private void submit() throws IOException {
    GzipMember block = current;
    inFlight.add(workers.submit(block::compress));
    while (inFlight.size() >= maxInFlight) {
      drainOne();
    }
    current = member();
  }

  /** A block to fill: one a written member gave back, else a new one (at most maxInFlight). */
  private GzipMember member() {
    GzipMember member = free.poll();
    if (member == null) {
      member = new GzipMember(BLOCK_BYTES);
      all.add(member);
    }
    return member;
  }

  /** How many blocks this stream made so far: never more than threads + 1. */
  int blocksMade() {
    return all.size();
  }

  private void drainOne() throws IOException {
    try {
      GzipMember done = inFlight.removeFirst().get();
      done.writeTo(out);
      free.add(done);
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
      if (current.filled > 0 || inFlight.isEmpty()) {
        submit(); // an empty stream still gets one (empty) member: a valid gzip file
      }
      flush();
    } finally {
      workers.shutdownNow();
      try {
        out.close();
      } finally {
        if (workers.isTerminated() || awaitWorkers()) {
          all.forEach(GzipMember::end);
        }
      }
    }
  }

  /** Waits briefly for the workers; a deflater still in use must not be ended under it. */
  private boolean awaitWorkers() {
    try {
      return workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
