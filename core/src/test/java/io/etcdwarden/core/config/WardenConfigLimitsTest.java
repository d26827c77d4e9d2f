package io.etcdwarden.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config file that is too large to be one, or that never ends, or that expands to an
 * enormous tree, is refused in one line naming the file; nothing is read into memory whole.
 */
class WardenConfigLimitsTest {
  @TempDir Path dir;

  @Test
  void aFileLargerThanAnyConfigIsRefusedBeforeItIsRead() throws Exception {
    Path big = dir.resolve("warden.yaml");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(3L << 30); // sparse: 3 GiB that take no disk
    }

    assertThatThrownBy(() -> WardenConfigLoader.load(Optional.of(big)))
        .isInstanceOf(WardenException.class)
        .hasMessage("config file " + big + " is larger than 1048576 bytes: not a config file;"
            + " check the path");
  }

  @Test
  void aFileThatNeverEndsIsRefused() {
    assertThatThrownBy(() -> WardenConfigLoader.load(Optional.of(Path.of("/dev/zero"))))
        .isInstanceOf(WardenException.class).hasMessageStartingWith("config file /dev/zero is"
            + " larger than");
  }

  @Test
  void aSmallFileThatExpandsThroughAliasesIsRefused() throws Exception {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    Path bomb = Files.writeString(dir.resolve("bomb.yaml"), yaml);

    assertThatThrownBy(() -> WardenConfigLoader.load(Optional.of(bomb)))
        .isInstanceOf(WardenException.class).hasMessageStartingWith(bomb.toString())
        .hasMessageNotContaining("\n");
  }
}
