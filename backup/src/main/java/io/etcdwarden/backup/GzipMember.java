package io.etcdwarden.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One block of a {@link ParallelGzipOutputStream} and what compresses it, kept for the life of
 * the stream and used again for block after block: the block's bytes, a raw deflater at gzip's
 * default level 6, and the gzip member it makes (RFC 1952: a ten-byte header, the deflate
 * stream, then the CRC-32 and length of the block). Recycling them is what keeps a gzip
 * snapshot's memory flat: a fresh block, stream and copy per MiB made about three MiB of garbage
 * per MiB of snapshot, and blocks still in flight at a collection were promoted, so the heap
 * filled to its cap (a 256 MiB snapshot peaked ~35 MiB higher than zstd's).
 */
final class GzipMember {
  /** ID1, ID2, deflate, no flags, no modification time, no extra flags, OS unknown. */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final int TRAILER_BYTES = 8;
  /**
   * Output per deflate call. zlib works on the arrays in place, pinned, and the JVM cannot
   * collect while an array is pinned: one call per MiB block held every allocating thread for
   * tens of milliseconds whenever a collection fell due (a small young generation made the
   * gzip snapshot ~10 % slower). Calls of 16 KiB of output are short.
   */
  private static final int DEFLATE_STEP = 16 << 10;

  final byte[] block;
  int filled;
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final CRC32 crc = new CRC32();
  private byte[] member;
  private int memberBytes;

  GzipMember(int blockBytes) {
    this.block = new byte[blockBytes];
    // deflate's worst case: 5 bytes per 16 KiB stored block over the input, plus its end.
    int bound = blockBytes + (blockBytes >> 14) * 5 + 64;
    this.member = new byte[HEADER.length + bound + TRAILER_BYTES];
  }

  /** Compresses the block's {@link #filled} bytes into a gzip member of their own. */
  GzipMember compress() {
    deflater.reset();
    deflater.setInput(block, 0, filled);
    deflater.finish();
    System.arraycopy(HEADER, 0, member, 0, HEADER.length);
    int at = HEADER.length;
    while (!deflater.finished()) {
      if (member.length - at < TRAILER_BYTES + 64) {
        member = Arrays.copyOf(member, member.length * 2); // not for real data: the bound holds
      }
      at += deflater.deflate(member, at, Math.min(DEFLATE_STEP, member.length - at - TRAILER_BYTES));
    }
    crc.reset();
    crc.update(block, 0, filled);
    at = littleEndian((int) crc.getValue(), at);
    memberBytes = littleEndian(filled, at);
    return this;
  }

  private int littleEndian(int value, int at) {
    for (int i = 0; i < 4; i++) {
      member[at + i] = (byte) (value >>> (8 * i));
    }
    return at + 4;
  }

  /** Writes the member {@link #compress} made and empties the block for the next one. */
  void writeTo(OutputStream out) throws IOException {
    out.write(member, 0, memberBytes);
    filled = 0;
  }

  /** Frees the deflater's native memory; the member is not used again. */
  void end() {
    deflater.end();
  }
}
