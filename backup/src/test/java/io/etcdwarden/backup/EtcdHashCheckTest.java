package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** etcd's trailing hash is checked however the stream is chunked, and truncation is caught. */
class EtcdHashCheckTest {
  private static byte[] snapshotWithHash(int bodyBytes) throws Exception {
    byte[] body = new byte[bodyBytes];
    new SplittableRandom(bodyBytes).nextBytes(body);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
    byte[] all = Arrays.copyOf(body, bodyBytes + hash.length);
    System.arraycopy(hash, 0, all, bodyBytes, hash.length);
    return all;
  }

  private static EtcdHashCheck feed(byte[] data, int chunk) {
    EtcdHashCheck check = new EtcdHashCheck();
    for (int off = 0; off < data.length; off += chunk) {
      check.update(data, off, Math.min(chunk, data.length - off));
    }
    return check;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 31, 32, 33, 4096, 1 << 20})
  void aCompleteSnapshotMatchesInAnyChunking(int chunk) throws Exception {
    assertThat(feed(snapshotWithHash(100_000), chunk).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 32, 4096})
  void aTruncatedOrAlteredSnapshotDoesNot(int chunk) throws Exception {
    byte[] data = snapshotWithHash(100_000);
    byte[] altered = data.clone();
    altered[500] ^= 1;

    assertThat(feed(Arrays.copyOf(data, data.length - 1000), chunk).matches()).isFalse();
    assertThat(feed(altered, chunk).matches()).isFalse();
    assertThat(feed(new byte[10], chunk).matches()).isFalse();
  }
}
