package io.etcdwarden.restore;

import io.etcdwarden.backup.DbDigests;
import io.etcdwarden.core.files.AtomicFileWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes the staged db and digests it on a thread of its own while the caller decompresses the
 * next chunk: decompression and hashing each cost about as much as the other, so on two cores
 * staging takes the time of the slower one, not of both. A fixed set of {@value #DEPTH} + 1
 * buffers of {@value #CHUNK_BYTES} bytes circulates between the two threads, so memory stays
 * constant whatever the db's size.
 */
final class DbSink implements AutoCloseable {
  static final int CHUNK_BYTES = 1 << 20;
  private static final int DEPTH = 4;
  private static final byte[] END = new byte[0];

  private record Chunk(byte[] bytes, int length) {}

  /** What was written: the db's size, its sha256 and whether it ends with etcd's hash. */
  record Written(long size, DbDigests.Result digests) {}

  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(DEPTH + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 1);
  private final DbDigests digests = new DbDigests();
  private final OutputStream out;
  private final Thread writer;
  private volatile IOException failure;
  private long size;

  DbSink(Path file) throws IOException {
    // 0600 from creation, whatever the umask: the staged db is the whole keyspace.
    out = Channels.newOutputStream(FileChannel.open(file, Set.of(StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
        PosixFilePermissions.asFileAttribute(AtomicFileWriter.OWNER_ONLY)));
    for (int i = 0; i <= DEPTH; i++) {
      free.add(new byte[CHUNK_BYTES]);
    }
    writer = new Thread(this::drain, "restore-db-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** An empty buffer to fill; blocks while the writer is behind. */
  byte[] buffer() throws IOException {
    rethrow();
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while staging the db");
    }
  }

  /** Hands {@code length} bytes of {@code bytes} (from {@link #buffer()}) to the writer. */
  void submit(byte[] bytes, int length) throws IOException {
    put(new Chunk(bytes, length));
    size += length;
  }

  /** Waits for the writer to finish; what it wrote. */
  Written finish() throws IOException {
    put(new Chunk(END, -1));
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while staging the db");
    }
    rethrow();
    out.close();
    return new Written(size, digests.finish());
  }

  /** Stops the writer (after a failure on the caller's side) and closes the file. */
  @Override
  public void close() throws IOException {
    writer.interrupt();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.close();
  }

  private void put(Chunk chunk) throws IOException {
    try {
      while (!full.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while staging the db");
    }
  }

  private void rethrow() throws IOException {
    if (failure != null) {
      throw new IOException(failure.getMessage(), failure);
    }
  }

  private void drain() {
    try {
      for (Chunk chunk = full.take(); chunk.length() >= 0; chunk = full.take()) {
        digests.update(chunk.bytes(), 0, chunk.length());
        out.write(chunk.bytes(), 0, chunk.length());
        free.put(chunk.bytes());
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      // close(): the caller gave up; nothing more to write.
    }
  }
}
