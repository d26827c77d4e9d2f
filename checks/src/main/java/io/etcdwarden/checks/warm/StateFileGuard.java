package io.etcdwarden.checks.warm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A plugin's {@code --state-file} when the daemon answers the run: the daemon often runs as
 * root and the plugin as NRPE's user, so the daemon rewrites only a file that is already a
 * leader-change state file (a regular file, not a link, owned by its folder's owner, every line
 * {@code <epoch-ms> <term>}: no other file can be overwritten through the endpoint), and gives
 * the rewritten file back its owner, group and mode, so the plugin's own next run can use it.
 */
final class StateFileGuard {
  private static final long MAX_BYTES = 64 * 1024;
  private final Path file;
  private final UserPrincipal owner;
  private final GroupPrincipal group;
  private final Set<PosixFilePermission> mode;

  private StateFileGuard(Path file, PosixFileAttributes attributes) {
    this.file = file;
    this.owner = attributes.owner();
    this.group = attributes.group();
    this.mode = attributes.permissions();
  }

  /** The guard for {@code file}, or {@link CachedRun.NotServed} when it may not be rewritten. */
  static StateFileGuard check(Path file) {
    try {
      PosixFileAttributes attributes = view(file).readAttributes();
      PosixFileAttributes folder = Files.getFileAttributeView(file.getParent(),
          PosixFileAttributeView.class).readAttributes();
      if (!attributes.isRegularFile() || attributes.size() > MAX_BYTES
          || !attributes.owner().equals(folder.owner())) {
        throw new CachedRun.NotServed("--state-file is not a state file of its folder's owner");
      }
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isEmpty() && !line.matches("\\d+ \\d+")) {
          throw new CachedRun.NotServed("--state-file is not a leader-change state file");
        }
      }
      return new StateFileGuard(file, attributes);
    } catch (CachedRun.NotServed e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // absent (the plugin's first run creates it), unreadable, or not POSIX
      throw new CachedRun.NotServed("--state-file: " + e);
    }
  }

  boolean restore() {
    try {
      PosixFileAttributeView view = view(file);
      PosixFileAttributes now = view.readAttributes();
      if (!now.owner().equals(owner)) {
        view.setOwner(owner);
      }
      if (!now.group().equals(group)) {
        view.setGroup(group);
      }
      if (!now.permissions().equals(mode)) {
        view.setPermissions(mode);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static PosixFileAttributeView view(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      throw new IOException("not a POSIX file system");
    }
    return view;
  }
}
