package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encrypted archive that cannot be read fails in one line that says why: a wrong identity
 * (naming the file and the archive's recipients), a flipped byte or a cut in the ciphertext
 * (even when the {@code .sha256} was rewritten to match it, so the age layer has to see it), a
 * bad recipient, an identity file others may read.
 */
class AgeArchiveFailuresTest {
  private static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");
  @TempDir Path dir;
  @TempDir Path keys;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + dir + "?allow-non-mount=true"));
  }

  private String encrypted(String recipient) throws Exception {
    return TestArchives.storeEncrypted(store(), AT, Compression.GZIP,
        AgeRecipients.parse(List.of(recipient), "backup.encrypt_to"));
  }

  @Test
  void aWrongIdentityNamesTheFileAndTheArchivesRecipients() throws Exception {
    String recipient = AgeKeysFixture.keygen(keys.resolve("right.txt"));
    Path wrong = keys.resolve("wrong.txt");
    AgeKeysFixture.keygen(wrong);
    String name = encrypted(recipient);

    Verification v = SnapshotVerifier.verify(store(), name, Optional.of(AgeIdentity.load(wrong)));

    assertThat(v.problems()).singleElement().asString()
        .contains(wrong.toString()).contains(recipient).doesNotContain("\n")
        .doesNotContain("AGE-SECRET-KEY");
  }

  @Test
  void aFlippedByteOrACutInTheCiphertextFailsInOneLine() throws Exception {
    Path key = keys.resolve("key.txt");
    String name = encrypted(AgeKeysFixture.keygen(key));
    byte[] whole = Files.readAllBytes(dir.resolve(name));
    byte[] flipped = whole.clone();
    flipped[whole.length / 2] ^= 0x01;
    for (byte[] damaged : List.of(flipped, Arrays.copyOf(whole, whole.length - 100),
        Arrays.copyOf(whole, whole.length / 2))) {
      Files.write(dir.resolve(name), damaged);
      Files.writeString(dir.resolve(name + ".sha256"), AgeKeysFixture.run(dir, "sha256sum", name));

      Verification v = SnapshotVerifier.verify(store(), name, Optional.of(AgeIdentity.load(key)));

      assertThat(v.problems()).singleElement().asString()
          .contains("age ciphertext does not authenticate").doesNotContain("\n");
    }
  }

  @Test
  void anIdentityFileOthersMayReadIsRefusedNamingIt() throws Exception {
    Path key = keys.resolve("key.txt");
    AgeKeysFixture.keygen(key);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> AgeIdentity.load(key)).isInstanceOf(WardenException.class)
        .hasMessageContaining(key.toString()).hasMessageContaining("chmod 600");
  }

  @Test
  void aRecipientThatIsNoAgeKeyIsRefusedNamingTheField() {
    assertThatThrownBy(() -> AgeRecipients.parse(List.of("age1nope"), "backup.encrypt_to"))
        .isInstanceOf(WardenException.class).hasMessageContaining("backup.encrypt_to")
        .hasMessageContaining("age1nope");
  }
}
