package io.etcdwarden.backup;

import io.etcdwarden.core.WardenException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Connects a writer (the tar/compressor, which pushes) to a store's upload (which pulls) through
 * a bounded in-memory pipe of {@value #PIPE_BYTES} bytes, the writer on its own thread. If the
 * writer fails, the reader gets an IOException instead of an end of stream, so a store can never
 * publish a truncated archive; if the reader fails, the writer is stopped.
 */
final class ArchivePipe {
  static final int PIPE_BYTES = 1 << 20;

  /** Writes the whole archive to {@code out}. */
  interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private ArchivePipe() {}

  static <T> T connect(Writer writer, Function<InputStream, T> reader) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    PipedInputStream in = new PipedInputStream(PIPE_BYTES);
    Thread thread;
    try {
      PipedOutputStream out = new PipedOutputStream(in);
      thread = new Thread(() -> {
        try (out) {
          writer.writeTo(new Prompt(out));
        } catch (Throwable e) {
          // Errors too (a missing native library): anything but a clean end must fail the read.
          failure.set(e);
        }
      }, "snapshot-archive-writer");
    } catch (IOException e) {
      throw new IllegalStateException("a fresh pipe always connects", e);
    }
    thread.setDaemon(true);
    thread.start();
    try (InputStream guarded = new Guarded(in, thread, failure)) {
      return reader.apply(guarded);
    } catch (IOException e) {
      throw new WardenException("cannot close the archive pipe: " + e, e);
    } catch (WardenException e) {
      if (failure.get() instanceof WardenException cause) {
        throw cause;
      }
      throw e;
    } finally {
      join(thread);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Flushes after every write: only a flush (or a full pipe) wakes a reader waiting on an empty
   * PipedInputStream, which otherwise sleeps up to a second each time it catches up.
   */
  private static final class Prompt extends java.io.FilterOutputStream {
    Prompt(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      out.flush();
    }
  }

  /** Turns the writer's failure into the reader's IOException at the end of the stream. */
  private static final class Guarded extends FilterInputStream {
    private final Thread writer;
    private final AtomicReference<Throwable> failure;

    Guarded(InputStream in, Thread writer, AtomicReference<Throwable> failure) {
      super(in);
      this.writer = writer;
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (IOException e) {
        join(writer);
        throw failure.get() == null ? e : new IOException("archive writer failed: "
            + failure.get().getMessage(), failure.get());
      }
      if (n < 0) {
        join(writer);
        if (failure.get() != null) {
          throw new IOException("archive writer failed: " + failure.get().getMessage(),
              failure.get());
        }
      }
      return n;
    }
  }
}
