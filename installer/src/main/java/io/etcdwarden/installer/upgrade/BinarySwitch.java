package io.etcdwarden.installer.upgrade;

import io.etcdwarden.installer.config.EtcdConfigWriter;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.release.ReleaseInstaller;
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
    currentTarget.ifPresent(target -> ReleaseInstaller.pointCurrentAt(prefix,
        target.startsWith(prefix.toAbsolutePath()) ? target.getFileName() : target));
    record.save(layout);
  }
}
