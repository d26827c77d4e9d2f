package io.etcdwarden.storage.file;

import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.core.host.MountTable;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.ChecksummedStore;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.UriOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Opens {@code file:///dir[?allow-non-mount=true][&min-free-mb=N]}: a directory on a mounted
 * volume (EBS, GCE persistent disk, Cinder). The directory must exist and be writable and, unless
 * {@code allow-non-mount} is set, be a mount point; {@code min-free-mb} (default
 * {@value #DEFAULT_MIN_FREE_MB}) is left free on the volume.
 */
public final class VolumeStores {
  public static final String ALLOW_NON_MOUNT = "allow-non-mount";
  public static final String MIN_FREE_MB = "min-free-mb";
  public static final long DEFAULT_MIN_FREE_MB = 64;

  private VolumeStores() {}

  public static SnapshotStore open(URI uri) {
    return open(uri, MountTable.ofThisProcess(), FreeSpace.ofFileSystem());
  }

  static SnapshotStore open(URI uri, MountTable mounts, FreeSpace freeSpace) {
    UriOptions options = UriOptions.parse(uri, Set.of(ALLOW_NON_MOUNT, MIN_FREE_MB));
    long reserve = options.number(MIN_FREE_MB, DEFAULT_MIN_FREE_MB) << 20;
    boolean allowNonMount = options.flag(ALLOW_NON_MOUNT);
    if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getAuthority() != null) {
      throw WardenException.badInput("snapshot target " + uri
          + " is not a local directory: write file:///absolute/path");
    }
    Path dir = Path.of(uri.getPath());
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw WardenException.badInput("snapshot target " + uri + ": " + dir
          + " is not a writable directory");
    }
    try {
      if (!allowNonMount && !mounts.isMountPoint(dir)) {
        throw WardenException.badInput("snapshot target " + uri + ": " + dir
            + " is not a mount point (attach the volume, or add ?" + ALLOW_NON_MOUNT
            + "=true / --allow-non-mount to write to the directory anyway)");
      }
    } catch (IOException e) {
      throw new WardenException("cannot read the mount table for " + dir + ": " + e, e);
    }
    String location = "file://" + dir;
    return new ChecksummedStore(new FileBlobStore(dir, freeSpace, reserve, hostName()), location);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
