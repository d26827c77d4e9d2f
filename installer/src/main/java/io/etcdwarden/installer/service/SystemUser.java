package io.etcdwarden.installer.service;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An unprivileged system user for a service (no login shell, no home folder of its own, a group
 * of the same name), created with {@code useradd} when it does not exist yet, and given a
 * folder: the user then owns everything in it, so etcd running as that user reads its TLS files
 * and writes its data while the rest of the system stays read-only to it.
 */
final class SystemUser {
  private final String name;

  SystemUser(String name) {
    this.name = name;
  }

  /** Creates the user unless {@code getent passwd} already knows it. */
  void ensure() {
    if (run(List.of("getent", "passwd", name)) == 0) {
      return;
    }
    int code = run(List.of("useradd", "--system", "--user-group", "--no-create-home",
        "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name));
    if (code != 0 && run(List.of("getent", "passwd", name)) != 0) {
      throw new WardenException("cannot create the system user " + name + " (useradd exit "
          + code + "); create it and run install again");
    }
  }

  /** Makes the user and its group own {@code dir} and everything below it (links untouched). */
  void own(Path dir) {
    UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
    try (Stream<Path> all = Files.walk(dir)) {
      UserPrincipal user = lookup.lookupPrincipalByName(name);
      GroupPrincipal group = lookup.lookupPrincipalByGroupName(name);
      for (Path p : (Iterable<Path>) all::iterator) {
        PosixFileAttributeView view = Files.getFileAttributeView(p,
            PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setOwner(user);
        view.setGroup(group);
      }
    } catch (IOException e) {
      throw new WardenException("cannot give " + dir + " to user " + name + ": "
          + e.getMessage(), e);
    }
  }

  private static int run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new WardenException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while running " + command.get(0), e);
    }
  }
}
