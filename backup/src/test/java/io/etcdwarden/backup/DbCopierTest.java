package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.SnapshotResponse;
import io.etcdwarden.core.WardenException;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one-pass copy against hand-made etcd streams: sound, short, long, corrupt, stalled. */
class DbCopierTest {
  private static final int CHUNK = 32 * 1024;
  private final byte[] body = TestArchives.db(7, false);
  private final byte[] hash = sha256(body);

  /** Messages as etcd 3.4 sends them: 32 KiB chunks with remaining_bytes, then the hash. */
  private Deque<Object> etcdStream(byte[] data, byte[] trailer) {
    Deque<Object> messages = new ArrayDeque<>();
    for (int at = 0; at < data.length; at += CHUNK) {
      int n = Math.min(CHUNK, data.length - at);
      messages.add(SnapshotResponse.newBuilder().setBlob(ByteString.copyFrom(data, at, n))
          .setRemainingBytes(data.length - at - n).build());
    }
    messages.add(SnapshotResponse.newBuilder().setBlob(ByteString.copyFrom(trailer)).build());
    return messages;
  }

  private DbCopier.CopiedDb copy(Deque<Object> messages, ByteArrayOutputStream out,
      List<Long> progress) throws Exception {
    DbCopier.Messages source = idle -> {
      Object next = messages.poll();
      if (next instanceof Throwable t) {
        throw t;
      }
      return (SnapshotResponse) next;
    };
    ArchiveWriter archive = ArchiveWriter.open(out, Compression.GZIP, Instant.EPOCH,
        java.util.Optional.empty());
    DbCopier.CopiedDb db = new DbCopier(source, Duration.ofMillis(50), "etcd0 (x)",
        Throwable::getMessage, (received, expected) -> progress.add(received))
        .copyInto(archive);
    archive.finish();
    return db;
  }

  @Test
  void aSoundStreamIsCopiedWithEtcdsHashAndHashedOnce() throws Exception {
    List<Long> progress = new ArrayList<>();
    DbCopier.CopiedDb db = copy(etcdStream(body, hash), new ByteArrayOutputStream(), progress);

    byte[] whole = Arrays.copyOf(body, body.length + 32);
    System.arraycopy(hash, 0, whole, body.length, 32);
    assertThat(db.sizeBytes()).isEqualTo(body.length + 32);
    assertThat(db.sha256()).isEqualTo(HexFormat.of().formatHex(sha256(whole)));
    assertThat(progress).last().isEqualTo((long) body.length);
  }

  @Test
  void aStreamCutShortFails() {
    Deque<Object> messages = etcdStream(body, hash);
    messages.removeLast();
    messages.removeLast();

    assertThatThrownBy(() -> copy(messages, new ByteArrayOutputStream(), new ArrayList<>()))
        .isInstanceOf(WardenException.class).hasMessageContaining("cut short")
        .hasMessageContaining("of " + (body.length + 32) + " bytes");
  }

  @Test
  void moreBytesThanAnnouncedFail() {
    Deque<Object> messages = etcdStream(body, hash);
    messages.addFirst(SnapshotResponse.newBuilder().setBlob(ByteString.copyFrom(new byte[10]))
        .setRemainingBytes(body.length - 10).build());

    assertThatThrownBy(() -> copy(messages, new ByteArrayOutputStream(), new ArrayList<>()))
        .isInstanceOf(WardenException.class).hasMessageContaining("not a well-formed");
  }

  @Test
  void aWrongTrailingHashFails() {
    byte[] wrong = hash.clone();
    wrong[0] ^= 1;

    assertThatThrownBy(() -> copy(etcdStream(body, wrong), new ByteArrayOutputStream(),
        new ArrayList<>())).isInstanceOf(WardenException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void aBrokenOrStalledStreamNamesTheMemberAndTheBytesSoFar() {
    Deque<Object> broken = etcdStream(body, hash);
    broken.addLast(broken.removeLast() instanceof SnapshotResponse
        ? new IllegalStateException("connection reset") : null);
    Deque<Object> stalled = new ArrayDeque<>(List.of(etcdStream(body, hash).getFirst(),
        new TimeoutException("no data")));

    assertThatThrownBy(() -> copy(broken, new ByteArrayOutputStream(), new ArrayList<>()))
        .hasMessageContaining("etcd0 (x) broke off after " + body.length + " bytes")
        .hasMessageContaining("connection reset");
    assertThatThrownBy(() -> copy(stalled, new ByteArrayOutputStream(), new ArrayList<>()))
        .hasMessageContaining("stalled: no data for 50 ms after " + CHUNK + " bytes");
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
