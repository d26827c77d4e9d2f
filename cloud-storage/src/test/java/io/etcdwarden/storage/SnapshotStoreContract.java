package io.etcdwarden.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every provider must do, run against each one: a subclass supplies a fresh, empty store
 * and the raw {@link BlobStore} under it (to plant incomplete uploads).
 */
public abstract class SnapshotStoreContract {
  protected static final String NAME = "etcd-snapshot-2026-01-02-03.04.05.tar.gz";

  protected abstract SnapshotStore store();

  protected abstract BlobStore raw();

  @Test
  void putThenOpenReturnsTheSameBytesAndTheirSha256() throws Exception {
    byte[] data = GeneratedStream.bytes(100_000, 1);

    PublishedSnapshot published = store().put(NAME, new ByteArrayInputStream(data));

    assertThat(published.sizeBytes()).isEqualTo(data.length);
    assertThat(published.sha256()).isEqualTo(sha256(data));
    assertThat(published.location()).endsWith(NAME);
    try (InputStream in = store().open(NAME)) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void checksumFileIsInSha256sumFormat() throws Exception {
    PublishedSnapshot published = store().put(NAME, GeneratedStream.of(5_000, 2));

    try (InputStream in = store().open(NAME + SnapshotStore.SHA256_SUFFIX)) {
      String line = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(line).isEqualTo(published.sha256() + "  " + NAME + "\n");
    }
  }

  @Test
  void listShowsCompleteArchivesWithTheirSize() {
    store().put(NAME, GeneratedStream.of(1234, 3));
    store().put("b-" + NAME, GeneratedStream.of(10, 4));

    assertThat(store().list()).extracting(StoredSnapshot::name, StoredSnapshot::sizeBytes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b-" + NAME, 10L),
            org.assertj.core.groups.Tuple.tuple(NAME, 1234L));
  }

  @Test
  void listIgnoresAnArchiveWithoutItsChecksumFile() throws IOException {
    raw().write(NAME, GeneratedStream.of(100, 5));

    assertThat(store().list()).isEmpty();
  }

  @Test
  void deleteRemovesTheArchiveAndItsChecksum() throws IOException {
    store().put(NAME, GeneratedStream.of(100, 6));

    assertThat(store().delete(NAME)).isTrue();

    assertThat(store().list()).isEmpty();
    assertThat(raw().list()).isEmpty();
  }

  @Test
  void deleteOfAMissingNameSaysFalse() {
    assertThat(store().delete(NAME)).isFalse();
  }

  @Test
  void openingAMissingNameNamesIt() {
    assertThatThrownBy(() -> store().open(NAME)).isInstanceOf(WardenException.class)
        .hasMessageContaining(NAME);
  }

  @Test
  void largeObjectStreamsThrough() throws Exception {
    long size = 40L << 20;

    PublishedSnapshot published = store().put(NAME, GeneratedStream.of(size, 7));

    assertThat(published.sizeBytes()).isEqualTo(size);
    assertThat(published.sha256()).isEqualTo(sha256(GeneratedStream.of(size, 7)));
    try (InputStream in = store().open(NAME)) {
      assertThat(sha256(in)).isEqualTo(published.sha256());
    }
  }

  @Test
  void concurrentPutsAreAllPublished() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<PublishedSnapshot>> puts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int seed = i;
      puts.add(pool.submit(() -> store().put(seed + "-" + NAME,
          GeneratedStream.of(3_000_000, seed))));
    }
    pool.shutdown();
    for (Future<PublishedSnapshot> put : puts) {
      put.get(60, TimeUnit.SECONDS);
    }

    assertThat(store().list()).hasSize(4).allMatch(s -> s.sizeBytes() == 3_000_000);
  }

  @Test
  void racingPutsOfOneNamePublishOneArchiveAndNobodyRemovesOrReplacesIt() throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<PublishedSnapshot>> puts = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      int seed = i;
      puts.add(pool.submit(() -> store().put(NAME, GeneratedStream.of(3_000_000, seed))));
    }
    pool.shutdown();
    List<PublishedSnapshot> won = new ArrayList<>();
    for (Future<PublishedSnapshot> put : puts) {
      try {
        won.add(put.get(60, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(WardenException.class)
            .hasMessageContaining("already in");
      }
    }

    assertThat(won).as("exactly one writer reports the archive published").hasSize(1);
    assertThat(store().list()).extracting(StoredSnapshot::name).containsExactly(NAME);
    try (InputStream in = store().open(NAME)) {
      assertThat(sha256(in)).isEqualTo(won.get(0).sha256());
    }
  }

  @Test
  void aVerificationMarkVouchesForTheArchiveUntilItIsDeleted() {
    store().put(NAME, new ByteArrayInputStream(new byte[] {1, 2, 3}));
    assertThat(store().verified(NAME)).isFalse();

    store().markVerified(NAME);
    store().markVerified(NAME);

    assertThat(store().verified(NAME)).isTrue();
    assertThat(store().list()).extracting(StoredSnapshot::name).containsExactly(NAME);
    store().delete(NAME);
    store().put(NAME, new ByteArrayInputStream(new byte[] {4, 5, 6}));
    assertThat(store().verified(NAME)).as("a mark never outlives its archive").isFalse();
  }

  @Test
  void aSourceThatFailsMidwayLeavesNothingBehind() throws IOException {
    InputStream breaking = GeneratedStream.failingAfter(2_000_000, 8);

    assertThatThrownBy(() -> store().put(NAME, breaking)).isInstanceOf(WardenException.class)
        .hasMessageContaining(NAME);

    assertThat(store().list()).isEmpty();
    assertThat(raw().list()).isEmpty();
  }

  protected static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  public static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 16];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
