package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One pass gives the whole db's sha256 and etcd's trailing-hash check, however the stream is
 * chunked; truncation and alteration are caught.
 */
class DbDigestsTest {
  private static byte[] snapshotWithHash(int bodyBytes) throws Exception {
    byte[] body = new byte[bodyBytes];
    new SplittableRandom(bodyBytes).nextBytes(body);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
    byte[] all = Arrays.copyOf(body, bodyBytes + hash.length);
    System.arraycopy(hash, 0, all, bodyBytes, hash.length);
    return all;
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static DbDigests.Result feed(byte[] data, int chunk) {
    DbDigests digests = new DbDigests();
    for (int off = 0; off < data.length; off += chunk) {
      digests.update(data, off, Math.min(chunk, data.length - off));
    }
    return digests.finish();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 7, 31, 32, 33, 4096, 1 << 20})
  void anyChunkingGivesTheSameDigestsAsOnePass(int chunk) throws Exception {
    byte[] db = snapshotWithHash(100_003);
    DbDigests.Result result = feed(db, chunk);
    assertThat(result.sha256()).isEqualTo(sha256(db));
    assertThat(result.etcdHashValid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 32, 4096})
  void aTruncatedOrAlteredSnapshotIsNotValid(int chunk) throws Exception {
    byte[] data = snapshotWithHash(100_000);
    byte[] altered = data.clone();
    altered[500] ^= 1;

    assertThat(feed(Arrays.copyOf(data, data.length - 1000), chunk).etcdHashValid()).isFalse();
    assertThat(feed(altered, chunk).etcdHashValid()).isFalse();
    assertThat(feed(new byte[10], chunk).etcdHashValid()).isFalse();
  }

  @Test
  void aDbWithoutEtcdsHashOrShorterThanOneIsNotValidButStillDigested() throws Exception {
    byte[] raw = new byte[5000];
    new SplittableRandom(3).nextBytes(raw);
    assertThat(feed(raw, raw.length).etcdHashValid()).isFalse();

    DbDigests.Result tiny = feed(new byte[10], 10);
    assertThat(tiny.etcdHashValid()).isFalse();
    assertThat(tiny.sha256()).isEqualTo(sha256(new byte[10]));
  }
}
