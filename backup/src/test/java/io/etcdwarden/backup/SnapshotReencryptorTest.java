package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.StoredSnapshot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshots reencrypt}: a clear archive becomes {@code NAME.age}, which Debian's age
 * opens into exactly the clear archive and which verifies with the new identity; the clear one
 * goes only with {@code --delete-old}; a clear archive whose bytes differ from its
 * {@code .sha256} publishes nothing; an encrypted one is refused.
 */
class SnapshotReencryptorTest {
  private static final Instant AT = Instant.parse("2026-05-06T07:08:09Z");
  @TempDir Path dir;
  @TempDir Path keys;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + dir + "?allow-non-mount=true"));
  }

  @Test
  void aClearArchiveBecomesAnAgeArchiveBesideIt() throws Exception {
    Path key = keys.resolve("new.key");
    AgeRecipients to = AgeRecipients.parse(List.of(AgeKeysFixture.keygen(key)), "--to");
    String clear = TestArchives.store(store(), AT, Compression.GZIP, true);

    SnapshotReencryptor.Outcome kept = SnapshotReencryptor.reencrypt(store(), clear, to, false);

    assertThat(kept.published().name()).isEqualTo(clear + ".age");
    assertThat(kept.oldDeleted()).isFalse();
    assertThat(store().list()).extracting(StoredSnapshot::name).containsExactly(clear,
        clear + ".age");
    AgeKeysFixture.run(dir, "age", "-d", "-i", key.toString(), "-o",
        keys.resolve("back").toString(), clear + ".age");
    assertThat(Files.readAllBytes(keys.resolve("back")))
        .isEqualTo(Files.readAllBytes(dir.resolve(clear)));
    assertThat(SnapshotVerifier.verify(store(), clear + ".age",
        Optional.of(AgeIdentity.load(key))).problems()).isEmpty();
    assertThatThrownBy(() -> SnapshotReencryptor.reencrypt(store(), clear + ".age", to, true))
        .hasMessageContaining("already encrypted");

    String second = TestArchives.store(store(), AT.plusSeconds(60), Compression.ZSTD, true);
    assertThat(SnapshotReencryptor.reencrypt(store(), second, to, true).oldDeleted()).isTrue();
    assertThat(store().list()).extracting(StoredSnapshot::name).contains(second + ".age")
        .doesNotContain(second);
  }

  @Test
  void aClearArchiveThatDiffersFromItsSha256PublishesNothing() throws Exception {
    AgeRecipients to = AgeRecipients.parse(List.of(AgeKeysFixture.keygen(keys.resolve("k"))),
        "--to");
    String clear = TestArchives.store(store(), AT, Compression.GZIP, true);
    byte[] bytes = Files.readAllBytes(dir.resolve(clear));
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(dir.resolve(clear), bytes);

    assertThatThrownBy(() -> SnapshotReencryptor.reencrypt(store(), clear, to, true))
        .hasMessageContaining("differs from its .sha256");

    assertThat(store().list()).extracting(StoredSnapshot::name).containsExactly(clear);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".age"));
    }
  }
}
