package io.etcdwarden.storage.s3;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed number of part-sized buffers, made on first need and handed back after each part's
 * upload. Reusing them keeps an upload's memory at {@code count} parts for its whole length:
 * fresh arrays per part (and the copies the SDK's {@code fromBytes} makes) grew the heap to its
 * limit on every snapshot.
 */
final class PartBuffers {
  private final BlockingQueue<byte[]> free;
  private final int partBytes;
  private int made; // only the reading thread takes

  PartBuffers(int count, int partBytes) {
    this.free = new ArrayBlockingQueue<>(count);
    this.partBytes = partBytes;
    this.made = count;
  }

  /** A free buffer: a new one while fewer than {@code count} exist, else the next handed back. */
  byte[] take() throws IOException {
    byte[] buffer = free.poll();
    if (buffer != null) {
      return buffer;
    }
    if (made > 0) {
      made--;
      return new byte[partBytes];
    }
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while uploading", e);
    }
  }

  /** Hands a buffer back once its part is uploaded (or failed). */
  void give(byte[] buffer) {
    free.offer(buffer);
  }
}
