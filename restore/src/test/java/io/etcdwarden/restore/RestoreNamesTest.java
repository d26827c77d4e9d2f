package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two restores of one member in one second must not share a path (CI once hit exactly that). */
class RestoreNamesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T03:10:23.400Z");

  @TempDir Path dir;

  private RestoreNames pick(Optional<Path> backupDir, boolean skipBackup) {
    return RestoreNames.pick(dir.resolve("data"), "etcd0", NOW, backupDir, skipBackup);
  }

  @Test
  void theFirstRestoreOfASecondUsesThePlainStamp() {
    RestoreNames names = pick(Optional.empty(), false);

    assertThat(names.stamp()).isEqualTo("20261124-031023");
    assertThat(names.kept()).isEqualTo(dir.resolve("data.before-restore-20261124-031023"));
    assertThat(names.restored()).isEqualTo(dir.resolve("data.restored-20261124-031023"));
    assertThat(names.staged()).isEqualTo(dir.resolve("data.restore-20261124-031023.db"));
    assertThat(names.backupFile()).contains(dir.resolve(
        "etcd-backup-20261124-031023/etcd0-data-20261124-031023.tar.gz"));
  }

  @Test
  void oldDataKeptByAnEarlierRestoreOfTheSameSecondIsNeverReused() throws Exception {
    Files.createDirectories(dir.resolve("data.before-restore-20261124-031023/member"));
    Files.createDirectories(dir.resolve("data.before-restore-20261124-031023-2"));

    RestoreNames names = pick(Optional.empty(), true);

    assertThat(names.stamp()).isEqualTo("20261124-031023-3");
    assertThat(names.kept()).isEqualTo(dir.resolve("data.before-restore-20261124-031023-3"));
    assertThat(names.backupFile()).isEmpty();
  }

  @Test
  void aBackupOrItsSidecarInTheChosenFolderMovesTheStampOn() throws Exception {
    Path backups = Files.createDirectories(dir.resolve("backups"));
    Files.writeString(backups.resolve("etcd0-data-20261124-031023.tar.gz.sha256"), "x");

    RestoreNames names = pick(Optional.of(backups), false);

    assertThat(names.backupFile()).contains(backups.resolve(
        "etcd0-data-20261124-031023-2.tar.gz"));
    assertThat(pick(Optional.of(backups), true).stamp()).isEqualTo("20261124-031023");
  }

  @Test
  void aBackupNeverReplacesAnExistingFile() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data/member"));
    Files.writeString(data.resolve("db"), "etcd");
    Path earlier = Files.writeString(dir.resolve("etcd0.tar.gz"), "an earlier backup");

    assertThatThrownBy(() -> DataDirBackup.write(dir.resolve("data"), earlier))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining(earlier + " already exists");
    assertThat(earlier).hasContent("an earlier backup");
    assertThat(DataDirBackup.sidecar(earlier)).doesNotExist();
    assertThat(DataDirBackup.partial(earlier)).doesNotExist();
  }
}
