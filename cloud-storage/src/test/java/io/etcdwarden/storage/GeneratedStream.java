package io.etcdwarden.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

/** A reproducible stream of pseudo-random bytes of any length, never held in memory. */
public final class GeneratedStream extends InputStream {
  private final SplittableRandom random;
  private final long failAt;
  private long left;

  private GeneratedStream(long size, int seed, long failAt) {
    this.random = new SplittableRandom(seed);
    this.left = size;
    this.failAt = failAt;
  }

  public static InputStream of(long size, int seed) {
    return new GeneratedStream(size, seed, -1);
  }

  /** Throws an IOException once {@code size} bytes have been read, as a dying source would. */
  public static InputStream failingAfter(long size, int seed) {
    return new GeneratedStream(size, seed, 0);
  }

  public static byte[] bytes(int size, int seed) throws IOException {
    return of(size, seed).readAllBytes();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (left == 0) {
      if (failAt == 0) {
        throw new IOException("source broke off");
      }
      return -1;
    }
    int n = (int) Math.min(len, left);
    for (int i = 0; i < n; i++) {
      b[off + i] = (byte) random.nextInt(256);
    }
    left -= n;
    return n;
  }
}
