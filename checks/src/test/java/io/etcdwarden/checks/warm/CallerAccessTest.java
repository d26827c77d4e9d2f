package io.etcdwarden.checks.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What user 65534 could do by themselves, judged from owners and modes: read only files it
 * owns (or that are open to others) in folders it can enter; rewrite only a file it owns in a
 * folder it owns; never through a link. Root and the daemon's own user could do anything.
 */
class CallerAccessTest {
  private static final int NOBODY = 65534;
  @TempDir Path tmp;

  @Test
  void readsWhatItOwnsOrWhatIsOpenToOthersInFoldersItCanEnter() throws Exception {
    assumeTrue(CallerAccess.daemonUid() == 0, "needs root to give files away");
    Path open = mode(Files.createDirectory(tmp.resolve("open")), "rwx--x--x");
    Path closed = mode(Files.createDirectory(tmp.resolve("closed")), "rwx------");
    mode(tmp, "rwx--x--x");
    Path rootKey = mode(Files.writeString(open.resolve("root.key"), "k"), "rw-------");
    Path publicCa = mode(Files.writeString(open.resolve("ca.crt"), "c"), "rw-r--r--");
    Path ownKey = give(mode(Files.writeString(open.resolve("own.key"), "k"), "r--------"));
    Path hiddenCa = mode(Files.writeString(closed.resolve("ca.crt"), "c"), "rw-r--r--");
    Path link = Files.createSymbolicLink(open.resolve("link.key"), rootKey);

    CallerAccess nobody = new CallerAccess(NOBODY, 0);

    assertThat(nobody.canRead(rootKey)).isFalse();
    assertThat(nobody.canRead(link)).isFalse();
    assertThat(nobody.canRead(hiddenCa)).isFalse();
    assertThat(nobody.canRead(open.resolve("absent"))).isFalse();
    assertThat(nobody.canRead(publicCa)).isTrue();
    assertThat(nobody.canRead(ownKey)).isTrue();
    assertThat(new CallerAccess(0, 0).canRead(hiddenCa)).isTrue();
    assertThat(new CallerAccess(NOBODY, NOBODY).canRead(rootKey)).isTrue();
  }

  @Test
  void rewritesOnlyItsOwnFileInItsOwnFolder() throws Exception {
    assumeTrue(CallerAccess.daemonUid() == 0, "needs root to give files away");
    mode(tmp, "rwx--x--x");
    Path own = give(mode(Files.createDirectory(tmp.resolve("own")), "rwx------"));
    Path rootFolder = mode(Files.createDirectory(tmp.resolve("root")), "rwxrwxrwx");
    Path ownState = give(Files.writeString(own.resolve("terms"), ""));
    Path rootState = mode(Files.writeString(own.resolve("root-terms"), ""), "rw-rw-rw-");
    Path ownInRoot = give(Files.writeString(rootFolder.resolve("terms"), ""));
    Path link = give(Files.createSymbolicLink(own.resolve("link"), rootState));

    CallerAccess nobody = new CallerAccess(NOBODY, 0);

    assertThat(nobody.canRewrite(ownState)).isTrue();
    assertThat(nobody.canRewrite(rootState)).isFalse();
    assertThat(nobody.canRewrite(ownInRoot)).isFalse();
    assertThat(nobody.canRewrite(link)).isFalse();
    assertThat(new CallerAccess(0, 0).canRewrite(rootState)).isTrue();
  }

  private static Path mode(Path p, String mode) throws Exception {
    return Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }

  private static Path give(Path p) throws Exception {
    Files.setAttribute(p, "unix:uid", NOBODY, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    return p;
  }
}
