package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our encrypted archives and Debian's age 1.1.1 CLI read each other's files: an archive we
 * encrypt decrypts with {@code age -d -i} into the tar that {@code tar} lists and whose db is
 * byte for byte the one archived, and the store's {@code .sha256} (over the ciphertext) passes
 * {@code sha256sum -c}; a clear archive that {@code age -r} encrypted verifies with our reader.
 */
class AgeArchiveInteropTest {
  private static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");
  @TempDir Path dir;
  @TempDir Path keys;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + dir + "?allow-non-mount=true"));
  }

  @Test
  void anArchiveWeEncryptDecryptsWithTheAgeCliIntoTheSameTar() throws Exception {
    Path key = keys.resolve("key.txt");
    String recipient = AgeKeysFixture.keygen(key);
    for (Compression compression : Compression.values()) {
      String name = TestArchives.storeEncrypted(store(), AT, compression,
          AgeRecipients.parse(List.of(recipient), "--recipient"));
      assertThat(name).endsWith(compression.suffix() + ".age");

      AgeKeysFixture.run(dir, "sha256sum", "-c", name + ".sha256");
      Path tarFile = keys.resolve("clear" + compression.suffix());
      AgeKeysFixture.run(dir, "age", "-d", "-i", key.toString(), "-o", tarFile.toString(), name);
      String listing = AgeKeysFixture.run(keys, "tar", "-t", "-a", "-f", tarFile.toString());
      assertThat(listing.lines()).containsExactly("db", "manifest.json");
      AgeKeysFixture.run(keys, "tar", "-x", "-a", "-f", tarFile.toString(), "db");
      assertThat(Files.readAllBytes(keys.resolve("db")))
          .isEqualTo(TestArchives.db(AT.getEpochSecond(), true));
      Files.delete(keys.resolve("db"));
      Files.delete(dir.resolve(name));
      Files.delete(dir.resolve(name + ".sha256"));
    }
  }

  @Test
  void anArchiveTheAgeCliEncryptedVerifiesWithOurReaderAndIdentity() throws Exception {
    Path key = keys.resolve("key.txt");
    String recipient = AgeKeysFixture.keygen(key);
    String clear = TestArchives.store(store(), AT, Compression.GZIP, true);
    String name = clear + ".age";
    AgeKeysFixture.run(dir, "age", "-r", recipient, "-o", name, clear);
    Files.writeString(dir.resolve(name + ".sha256"),
        AgeKeysFixture.run(dir, "sha256sum", name));

    Verification opened = SnapshotVerifier.verify(store(), name,
        Optional.of(AgeIdentity.load(key)));

    assertThat(opened.problems()).isEmpty();
    assertThat(opened.manifest()).isPresent();
    assertThat(opened.manifest().get().revision()).isEqualTo(42);
    assertThat(ArchiveName.parse(name)).contains(AT);
  }

  @Test
  void withoutAnIdentityVerifyChecksTheSidecarAndHeaderAndSaysSo() throws Exception {
    String recipient = AgeKeysFixture.keygen(keys.resolve("key.txt"));
    String name = TestArchives.storeEncrypted(store(), AT, Compression.ZSTD,
        AgeRecipients.parse(List.of(recipient), "--recipient"));

    Verification locked = SnapshotVerifier.verify(store(), name);

    assertThat(locked.problems()).isEmpty();
    assertThat(locked.manifest()).isEmpty();
    assertThat(locked.summary()).contains(recipient).contains("no identity given");
  }
}
