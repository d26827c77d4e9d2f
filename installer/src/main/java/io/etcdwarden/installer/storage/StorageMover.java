package io.etcdwarden.installer.storage;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.installer.files.DirectoryTree;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.install.StartupWait;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import io.etcdwarden.installer.service.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Moves an installed member's etcd data onto an attached volume, as {@code storage attach}
 * does: refuses a folder that is not a mount point or lacks room, stops the member, copies the
 * data with verification into {@code MOUNT/NAME}, switches the config's {@code data-dir},
 * starts the member and waits for its health. The old data is never deleted; if the member
 * does not come back healthy, the old config is restored and the member restarted on it. It
 * never formats or mounts anything.
 */
public final class StorageMover {
  /** Room to leave beyond the data's size: etcd grows its WAL and db while it runs. */
  static final double HEADROOM = 1.2;

  private final MountPoints mounts;

  /** {@code mountInfo} is normally {@code /proc/self/mountinfo}. */
  public StorageMover(Path mountInfo) {
    this.mounts = new MountPoints(mountInfo);
  }

  /** Where the data was and where it is now. */
  public record Moved(Path from, Path to, int files, long bytes) {}

  /** Moves the data of the member installed in {@code memberDir} onto {@code mount}. */
  public Moved attach(Path memberDir, Path mount, Duration timeout) {
    MemberLayout layout = new MemberLayout(memberDir);
    MemberRecord record = MemberRecord.load(layout);
    mounts.requireMountPoint(mount);
    Path from = ConfigDataDir.read(layout.configFile());
    Path to = mount.toAbsolutePath().normalize().resolve(record.name());
    if (Files.exists(to)) {
      throw WardenException.badInput(to + " already exists; the member's data is "
          + (to.equals(from) ? "already there" : "not copied over another folder: move it away"));
    }
    long bytes = VerifiedCopy.size(from);
    long usable = usableSpace(mount);
    if (usable < bytes * HEADROOM) {
      throw WardenException.badInput("--mount " + mount + " has " + usable + " bytes free; the"
          + " data in " + from + " needs " + (long) (bytes * HEADROOM) + " (size + 20%)");
    }
    ServiceManager services = ServiceManagers.forMode(record.serviceMode());
    ServiceSpec spec = layout.serviceSpec(record.name(), record.etcdBinary());
    StartupWait wait = new StartupWait(() -> services.isRunning(spec), layout.logFile());
    services.remove(spec);
    int files;
    try {
      files = VerifiedCopy.copy(from, to);
      ConfigDataDir.write(layout.configFile(), to);
      services.start(spec);
      wait.awaitHealthy(record.metricsUrl(), timeout);
    } catch (RuntimeException e) {
      restore(services, spec, layout, from, to, e);
      throw e;
    }
    return new Moved(from, to, files, bytes);
  }

  /** Back to the old data dir, untouched all along; the partial copy goes. */
  private static void restore(ServiceManager services, ServiceSpec spec, MemberLayout layout,
      Path from, Path to, RuntimeException failure) {
    try {
      services.remove(spec);
      ConfigDataDir.write(layout.configFile(), from);
      services.start(spec);
      DirectoryTree.delete(to);
    } catch (RuntimeException | IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static long usableSpace(Path mount) {
    try {
      return FreeSpace.ofFileSystem().usableBytes(mount);
    } catch (IOException e) {
      throw new WardenException("cannot read free space of " + mount + ": " + e.getMessage(), e);
    }
  }
}
