package io.etcdwarden.checks.warm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * What a local user could do to a file by themselves, judged from owners and modes, for the
 * plugin runs the daemon answers in that user's place: read a TLS or config file, rewrite a
 * state file. A user with the daemon's own uid, or root, could do anything the daemon does.
 * Otherwise it must own the file (or the file must be open to others) and be able to enter
 * every folder on the way; group permissions are not counted, so a file only a group shares is
 * declined, and the plugin process, running as that user, decides for itself.
 */
public final class CallerAccess {
  private final int caller;
  private final int daemon;

  public CallerAccess(int caller, int daemon) {
    this.caller = caller;
    this.daemon = daemon;
  }

  /** The uid this process runs as (the owner of {@code /proc/self}), or -1 when unknown. */
  public static int daemonUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private boolean privileged() {
    return caller == 0 || caller == daemon;
  }

  /** Whether the caller could read {@code file} (an absolute path). */
  public boolean canRead(Path file) {
    if (privileged()) {
      return true;
    }
    try {
      Path real = file.toRealPath();
      return searchable(real.getParent()) && allowed(real, PosixFilePermission.OWNER_READ,
          PosixFilePermission.OTHERS_READ);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether the caller could replace {@code file} (an absolute path) the way the plugin does,
   * by a new file moved into its folder: it must own both, with write permission, and the file
   * must be no link.
   */
  public boolean canRewrite(Path file) {
    if (privileged()) {
      return true;
    }
    try {
      if (Files.isSymbolicLink(file)) {
        return false;
      }
      Path folder = file.getParent().toRealPath();
      return searchable(folder) && owns(folder, PosixFilePermission.OWNER_WRITE)
          && owns(file, PosixFilePermission.OWNER_WRITE);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Every folder from the root down to {@code folder} can be entered by the caller. */
  private boolean searchable(Path folder) throws IOException {
    for (Path p = folder; p != null; p = p.getParent()) {
      if (!allowed(p, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }

  private boolean allowed(Path p, PosixFilePermission asOwner, PosixFilePermission asOther)
      throws IOException {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    return owner(p) == caller ? mode.contains(asOwner) : mode.contains(asOther);
  }

  private boolean owns(Path p, PosixFilePermission permission) throws IOException {
    return owner(p) == caller
        && Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).contains(permission);
  }

  private static int owner(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }
}
