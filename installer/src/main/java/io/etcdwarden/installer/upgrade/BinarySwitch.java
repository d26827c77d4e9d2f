package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.config.EtcdConfigWriter;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.release.ReleaseInstaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The member's binaries and config in one of two states, old and new: the config text, the
 * member record (which names the etcd executable the service runs) and, for release installs,
 * where the prefix's {@code current} link points. {@link #apply} puts one state in place; each
 * part is replaced atomically, so a switch back always finds a whole state to restore.
 */
record BinarySwitch(MemberLayout layout, MemberRecord record, String config, Path prefix,
    Optional<Path> currentTarget) {

  /** The state as it is on disk now, to switch back to. */
  static BinarySwitch current(MemberLayout layout, MemberRecord record, String config,
      Path prefix) {
    return new BinarySwitch(layout, record, config, prefix,
        prefix == null ? Optional.empty() : ReleaseInstaller.current(prefix));
  }

  void apply() {
    new EtcdConfigWriter().write(layout.configFile(), config);
    if (prefix != null) {
      if (currentTarget.isPresent()) {
        Path target = currentTarget.get();
        ReleaseInstaller.pointCurrentAt(prefix,
            target.startsWith(prefix.toAbsolutePath()) ? target.getFileName() : target);
      } else {
        removeLink(prefix.resolve(ReleaseInstaller.CURRENT));
      }
    }
    record.save(layout);
  }

  /** There was no {@code current} link before the upgrade: none is left behind. */
  private static void removeLink(Path link) {
    try {
      if (Files.isSymbolicLink(link)) {
        Files.delete(link);
      }
    } catch (IOException e) {
      throw new WardenException("cannot remove " + link + ": " + e.getMessage(), e);
    }
  }
}
