package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import java.nio.file.Path;

/**
 * Takes an installed member off this host, as {@code install --uninstall} does: stops it and
 * removes its systemd unit or pid file. Its folder, with etcd's data, its certificate and its
 * config, is kept: deleting a member's data is the operator's decision, never a side effect.
 * It does not change the cluster's membership; {@code member remove} does that.
 */
public final class MemberUninstaller {

  /** Stops and unregisters member {@code name} installed in {@code dataDir}; returns its folder. */
  public Path uninstall(String name, Path dataDir) {
    MemberLayout layout = new MemberLayout(dataDir);
    MemberRecord record = MemberRecord.load(layout);
    if (!record.name().equals(name)) {
      throw WardenException.badInput("--data-dir " + layout.dir() + " holds member '"
          + record.name() + "', not --name " + name + "; fix one of them");
    }
    ServiceManager services = ServiceManagers.forMode(record.serviceMode());
    services.remove(layout.serviceSpec(name, record.etcdBinary()));
    return layout.dir();
  }
}
