package io.etcdwarden.restore;

import io.etcdwarden.backup.SnapshotManifest;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses to restore an archive taken from a newer etcd line than the etcd that will run the
 * restored data: etcd moves its data format forward with each minor line and an older one may
 * misread or reject it. Patch releases of one line share a format, so only lines are compared.
 * The operator may force it ({@code --allow-older-etcd}); a charm archive records no version
 * and passes.
 */
final class EtcdLineGate {
  /** The restore option that overrides the refusal. */
  static final String FORCE_OPTION = "--allow-older-etcd";

  private EtcdLineGate() {}

  static void require(String archive, Optional<SnapshotManifest> manifest, EtcdVersion target,
      Path etcd, boolean allowOlder) {
    if (manifest.isEmpty() || allowOlder) {
      return;
    }
    String recorded = manifest.get().etcdVersion();
    EtcdVersion taken;
    try {
      taken = EtcdVersion.parse(recorded, "etcd_version");
    } catch (WardenException e) {
      throw new WardenException(archive + ": the manifest's etcd_version '" + recorded + "' is"
          + " not an etcd version, so it is unknown whether etcd " + target + " can read it; add "
          + FORCE_OPTION + " to restore anyway; nothing was changed");
    }
    if (EtcdVersion.of(taken.major(), taken.minor(), 0)
        .compareTo(EtcdVersion.of(target.major(), target.minor(), 0)) > 0) {
      throw new WardenException(archive + ": taken from etcd " + taken + ", a newer line than"
          + " etcd " + target + " (" + etcd + ") that would run it; an older etcd may not read"
          + " a newer data format: restore with etcd " + taken.major() + "." + taken.minor()
          + " or later, or add " + FORCE_OPTION + " if you are sure; nothing was changed");
    }
  }
}
