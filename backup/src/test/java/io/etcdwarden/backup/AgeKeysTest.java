package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.WardenConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keys generate} writes an identity that Debian's age-keygen reads (0600, never over an
 * existing file) and prints its recipient; flags win over {@code warden.yaml}, and a bad
 * recipient in the config is refused naming {@code backup.encrypt_to}.
 */
class AgeKeysTest {
  @TempDir Path dir;

  @Test
  void generateWritesAnIdentityAgeKeygenReadsAndNeverOverwrites() throws Exception {
    Path key = dir.resolve("id.key");

    String recipient = new AgeKeyGenerator(Clock.systemUTC()).generate(key);

    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(AgeKeysFixture.run(dir, "age-keygen", "-y", key.toString()).strip())
        .isEqualTo(recipient);
    String before = Files.readString(key);
    assertThatThrownBy(() -> new AgeKeyGenerator(Clock.systemUTC()).generate(key))
        .hasMessageContaining(key.toString()).hasMessageContaining("never overwritten");
    assertThat(Files.readString(key)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> !p.getFileName().toString().startsWith("cmd"))).hasSize(1);
    }
  }

  @Test
  void flagsWinOverTheConfigAndBadConfigNamesItsKey() throws Exception {
    String fromConfig = AgeKeysFixture.keygen(dir.resolve("a.key"));
    String fromFlag = AgeKeysFixture.keygen(dir.resolve("b.key"));
    BackupSection backup = WardenConfigLoader.parse("backup:\n  encrypt_to: [" + fromConfig
        + "]\n  identity_file: " + dir.resolve("a.key") + "\n", "warden.yaml").backup();

    assertThat(ArchiveKeys.recipients(null, backup).orElseThrow().keys())
        .containsExactly(fromConfig);
    assertThat(ArchiveKeys.recipients(List.of(fromFlag), backup).orElseThrow().keys())
        .containsExactly(fromFlag);
    assertThat(ArchiveKeys.identity(dir.resolve("b.key"), backup).orElseThrow().file())
        .isEqualTo(dir.resolve("b.key"));
    assertThat(ArchiveKeys.identity(null, backup).orElseThrow().file())
        .isEqualTo(dir.resolve("a.key"));
    assertThat(ArchiveKeys.recipients(null, BackupSection.defaults())).isEmpty();
    BackupSection bad = WardenConfigLoader.parse("backup:\n  encrypt_to: [age1typo]\n",
        "warden.yaml").backup();
    assertThatThrownBy(() -> ArchiveKeys.recipients(null, bad))
        .hasMessageContaining("backup.encrypt_to").hasMessageContaining("age1typo");
  }
}
