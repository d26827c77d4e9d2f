package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One restore per member: the second caller is refused in one line until the first ends. */
class RestoreLockTest {
  @TempDir Path member;

  @Test
  void aSecondRestoreOfTheMemberIsRefusedUntilTheFirstEnds() throws Exception {
    RestoreLock first = RestoreLock.take(member, "etcd0");

    assertThatThrownBy(() -> RestoreLock.take(member, "etcd0"))
        .isInstanceOf(WardenException.class)
        .hasMessage("member etcd0: another restore of it is running (it holds "
            + member.resolve("restore.lock") + "); wait until it ends; nothing was changed");

    first.close();
    first.close();
    try (RestoreLock again = RestoreLock.take(member, "etcd0")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
          member.resolve("restore.lock")))).isEqualTo("rw-------");
    }
  }
}
