package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** One pass gives the whole db's sha256 and etcd's trailing-hash check, however it is chunked. */
class DbDigestsTest {
  @Test
  void anyChunkingGivesTheSameDigestsAsOnePass() throws Exception {
    Random random = new Random(7);
    byte[] body = new byte[100_003];
    random.nextBytes(body);
    byte[] db = TestTars.dbWithEtcdHash(body);
    for (int chunk : new int[] {1, 5, 31, 32, 33, 4096, db.length}) {
      DbDigests digests = new DbDigests();
      for (int off = 0; off < db.length; off += chunk) {
        digests.update(db, off, Math.min(chunk, db.length - off));
      }
      DbDigests.Result result = digests.finish();
      assertThat(result.sha256()).as("chunk " + chunk).isEqualTo(TestTars.sha256(db));
      assertThat(result.etcdHashValid()).as("chunk " + chunk).isTrue();
    }
  }

  @Test
  void aDbWithoutEtcdsHashOrShorterThanOneIsNotValid() throws Exception {
    byte[] raw = new byte[5000];
    new Random(3).nextBytes(raw);
    DbDigests digests = new DbDigests();
    digests.update(raw, 0, raw.length);
    assertThat(digests.finish().etcdHashValid()).isFalse();

    DbDigests tiny = new DbDigests();
    tiny.update(new byte[10], 0, 10);
    DbDigests.Result result = tiny.finish();
    assertThat(result.etcdHashValid()).isFalse();
    assertThat(result.sha256()).isEqualTo(TestTars.sha256(new byte[10]));
  }
}
