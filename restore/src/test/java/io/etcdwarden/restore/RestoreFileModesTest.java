package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What restore writes that holds the keyspace is owner-only from creation, whatever the umask:
 * the backup of the old data dir and the db staged from an archive (0644 under the usual umask
 * before).
 */
class RestoreFileModesTest {
  @TempDir Path dir;

  @Test
  void theBackupOfTheOldDataDirIsOwnerOnly() throws Exception {
    Path dataDir = Files.createDirectories(dir.resolve("data/member/snap"));
    Files.write(dataDir.resolve("db"), new byte[4096]);

    DataDirBackup.Written backup = DataDirBackup.write(dir.resolve("data"),
        dir.resolve("backups/etcd-data-backup.tar.gz"));

    assertThat(mode(backup.path())).isEqualTo("rw-------");
  }

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
