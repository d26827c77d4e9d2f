package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel gzip output is one gzip file to our reader and to GNU gzip, whatever its size. */
class ParallelGzipOutputStreamTest {
  @TempDir Path dir;

  private static byte[] data(int size) {
    byte[] bytes = new byte[size];
    SplittableRandom random = new SplittableRandom(size);
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i % 3 == 0 ? random.nextInt(256) : 'a' + i % 7); // half compressible
    }
    return bytes;
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = Compression.GZIP.compress(out)) {
      for (int at = 0; at < data.length; at += 7777) { // odd writes straddle the blocks
        gzip.write(data, at, Math.min(7777, data.length - at));
      }
    }
    return out.toByteArray();
  }

  @Test
  void manyBlocksReadBackWholeEvenFromAStreamThatNeverSaysBytesAreAvailable() throws Exception {
    byte[] data = data(3 * ParallelGzipOutputStream.BLOCK_BYTES + 12345);
    byte[] gz = gzip(data);
    InputStream stingy = new FilterInputStream(new ByteArrayInputStream(gz)) {
      @Override
      public int available() {
        return 0;
      }
    };

    try (InputStream in = Compression.sniff(stingy)) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void gnuGzipReadsTheConcatenatedMembers() throws Exception {
    byte[] data = data(2 * ParallelGzipOutputStream.BLOCK_BYTES + 1);
    Path file = Files.write(dir.resolve("x.gz"), gzip(data));

    Process gunzip = new ProcessBuilder("gzip", "-dc", file.toString())
        .redirectErrorStream(false).start();
    byte[] out = gunzip.getInputStream().readAllBytes();

    assertThat(gunzip.waitFor()).isZero();
    assertThat(out).isEqualTo(data);
  }

  @Test
  void blocksAreUsedAgainSoMemoryStaysFlatWhateverTheSize() throws Exception {
    byte[] random = new byte[ParallelGzipOutputStream.BLOCK_BYTES];
    new SplittableRandom(7).nextBytes(random); // incompressible: members larger than blocks
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, 2);
    for (int i = 0; i < 12; i++) {
      gzip.write(random, 0, random.length - i); // odd lengths: blocks straddle the writes
    }
    int made = gzip.blocksMade();
    gzip.close();

    assertThat(made).isLessThanOrEqualTo(3);
    try (InputStream in = Compression.sniff(new ByteArrayInputStream(out.toByteArray()))) {
      byte[] back = in.readAllBytes();
      assertThat(back).hasSize(12 * random.length - 66);
      assertThat(Arrays.copyOfRange(back, 0, random.length)).isEqualTo(random);
    }
  }

  @Test
  void anEmptyStreamIsAValidGzipFile() throws Exception {
    try (InputStream in = Compression.sniff(new ByteArrayInputStream(gzip(new byte[0])))) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }
}
