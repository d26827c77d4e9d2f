package io.etcdwarden.installer.release;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.files.DirectoryTree;
import io.etcdwarden.installer.files.Sha256;
import io.etcdwarden.installer.process.EtcdVersionProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Installs etcd from an upstream release tarball ({@code etcd-vX.Y.Z-linux-amd64.tar.gz}, the
 * charm's "resource"): verifies its SHA-256 when one is given, extracts {@code etcd}, {@code
 * etcdctl} and, if present, {@code etcdutl} from the {@code etcd-vX.Y.Z-linux-amd64/} folder
 * ({@link ReleaseArchive} refuses anything else an archive might smuggle in) into {@code
 * PREFIX/etcd-vX.Y.Z/}, checks they are x86-64 ELF executables, and only then points the {@code
 * PREFIX/current} link at that folder. Every refusal happens before the prefix is touched, so a
 * bad tarball leaves nothing behind. {@code upgrade} unpacks and switches the link in two steps.
 */
public final class ReleaseInstaller {
  /** The link that always names the installed release in use. */
  public static final String CURRENT = "current";

  private static final Set<String> WANTED = Set.of("etcd", "etcdctl", "etcdutl");
  private static final Set<String> REQUIRED = Set.of("etcd", "etcdctl");

  /** Installs {@code tarball} under {@code prefix}; returns the {@code current} bin folder. */
  public Path install(Path tarball, String expectedSha256, Path prefix) {
    Path versioned = unpack(tarball, expectedSha256, prefix);
    pointCurrentAt(prefix, versioned.getFileName());
    return prefix.resolve(CURRENT);
  }

  /**
   * Unpacks {@code tarball} into {@code PREFIX/etcd-vX.Y.Z/} without touching the {@code
   * current} link; returns that folder. A folder already holding the same binaries is kept.
   */
  public Path unpack(Path tarball, String expectedSha256, Path prefix) {
    requireSha256(tarball, expectedSha256);
    Path staging = null;
    try {
      Files.createDirectories(prefix);
      staging = Files.createTempDirectory(prefix, ".staging-");
      String version = new ReleaseArchive(tarball).extract(WANTED, staging).version();
      for (String name : REQUIRED) {
        if (!Files.isRegularFile(staging.resolve(name))) {
          throw WardenException.badInput("release tarball " + tarball + " holds no " + name
              + " in etcd-" + version + "-linux-amd64/; use an upstream etcd release");
        }
      }
      for (String name : WANTED) {
        Path binary = staging.resolve(name);
        if (Files.exists(binary)) {
          ElfExecutable.requireAmd64(binary, tarball.toString());
          Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
      new EtcdVersionProbe().supported(staging.resolve("etcd"), "release tarball " + tarball);
      Path versioned = prefix.resolve("etcd-" + version).toAbsolutePath();
      if (current(prefix).filter(versioned::equals).isPresent()
          && !sameBinaries(staging, versioned)) {
        throw WardenException.badInput("release tarball " + tarball + " holds other binaries"
            + " than the " + versioned + " in use; a release version must not change content");
      }
      // A member on this host may run from an identical earlier unpacking: leave it in place.
      if (!sameBinaries(staging, versioned)) {
        DirectoryTree.delete(versioned);
        Files.move(staging, versioned, StandardCopyOption.ATOMIC_MOVE);
        staging = null;
      }
      return versioned;
    } catch (IOException e) {
      throw WardenException.badInput("release tarball " + tarball + " is not a readable .tar.gz ("
          + FailureText.of(e) + "); download it again");
    } finally {
      deleteQuietly(staging);
    }
  }

  /**
   * The version ({@code vX.Y.Z}) of the release in {@code tarball}, after the same checks as
   * {@link #unpack} makes of its sha256 and entries, without writing anything.
   */
  public String inspect(Path tarball, String expectedSha256) {
    requireSha256(tarball, expectedSha256);
    try {
      ReleaseArchive.Contents contents = new ReleaseArchive(tarball).extract(WANTED, null);
      for (String name : REQUIRED) {
        if (!contents.binaries().contains(name)) {
          throw WardenException.badInput("release tarball " + tarball + " holds no " + name
              + " in etcd-" + contents.version() + "-linux-amd64/; use an upstream etcd release");
        }
      }
      return contents.version();
    } catch (IOException e) {
      String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw WardenException.badInput("release tarball " + tarball + " is not a readable .tar.gz ("
          + why + "); download it again");
    }
  }

  private static void requireSha256(Path tarball, String expectedSha256) {
    if (!Files.isRegularFile(tarball)) {
      throw WardenException.badInput("release tarball " + tarball + " does not exist; fix --release");
    }
    if (expectedSha256 != null) {
      String actual = Sha256.hex(tarball);
      if (!actual.equals(expectedSha256.strip().toLowerCase(Locale.ROOT))) {
        throw WardenException.badInput("release tarball " + tarball + " has sha256 " + actual
            + ", not the --release-sha256 given; download it again");
      }
    }
  }

  /** The folder {@code PREFIX/current} points at (absolute), if the link exists. */
  public static Optional<Path> current(Path prefix) {
    Path link = prefix.resolve(CURRENT);
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    try {
      return Optional.of(prefix.resolve(Files.readSymbolicLink(link)).toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new WardenException("cannot read the link " + link + ": " + e.getMessage(), e);
    }
  }

  /** Swaps the {@code current} link in one rename, so it never dangles or goes missing. */
  public static void pointCurrentAt(Path prefix, Path target) {
    Path temp = prefix.resolve(".current-" + System.nanoTime());
    try {
      Files.createSymbolicLink(temp, target);
      Files.move(temp, prefix.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new WardenException("cannot point " + prefix.resolve(CURRENT) + " at " + target
          + ": " + e.getMessage(), e);
    }
  }

  private static boolean sameBinaries(Path staging, Path versioned) throws IOException {
    if (!Files.isDirectory(versioned)) {
      return false;
    }
    for (String name : WANTED) {
      Path fresh = staging.resolve(name);
      Path old = versioned.resolve(name);
      if (Files.exists(fresh) != Files.exists(old)
          || Files.exists(fresh) && Files.mismatch(fresh, old) != -1) {
        return false;
      }
    }
    return true;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      DirectoryTree.delete(dir);
    } catch (IOException e) {
      // Best effort: a leftover hidden staging folder does not affect the installed release.
    }
  }
}
