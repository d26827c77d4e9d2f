package io.etcdwarden.installer.release;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.files.DirectoryTree;
import io.etcdwarden.installer.files.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Installs etcd from an upstream release tarball ({@code etcd-vX.Y.Z-linux-amd64.tar.gz}, the
 * charm's "resource"): verifies its SHA-256 when one is given, extracts {@code etcd}, {@code
 * etcdctl} and, if present, {@code etcdutl} from the {@code etcd-vX.Y.Z-linux-amd64/} folder
 * into {@code PREFIX/etcd-vX.Y.Z/}, checks they are x86-64 ELF executables, and only then points
 * the {@code PREFIX/current} link at that folder. Every refusal happens before the prefix is
 * touched, so a bad tarball leaves nothing behind.
 */
public final class ReleaseInstaller {
  /** The link that always names the installed release in use. */
  public static final String CURRENT = "current";

  private static final Pattern TOP_DIR = Pattern.compile("etcd-(v[0-9][^/-]*)-linux-([a-z0-9]+)");
  private static final Set<String> WANTED = Set.of("etcd", "etcdctl", "etcdutl");
  private static final Set<String> REQUIRED = Set.of("etcd", "etcdctl");

  /** Installs {@code tarball} under {@code prefix}; returns the {@code current} bin folder. */
  public Path install(Path tarball, String expectedSha256, Path prefix) {
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
    Path staging = null;
    try {
      Files.createDirectories(prefix);
      staging = Files.createTempDirectory(prefix, ".staging-");
      String version = extract(tarball, staging);
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
      Path versioned = prefix.resolve("etcd-" + version);
      // A member on this host may run from an identical earlier unpacking: leave it in place.
      if (!sameBinaries(staging, versioned)) {
        DirectoryTree.delete(versioned);
        Files.move(staging, versioned, StandardCopyOption.ATOMIC_MOVE);
        staging = null;
      }
      pointCurrentAt(prefix, versioned.getFileName());
      return prefix.resolve(CURRENT);
    } catch (IOException e) {
      throw WardenException.badInput("release tarball " + tarball + " is not a readable .tar.gz ("
          + FailureText.of(e) + "); download it again");
    } finally {
      deleteQuietly(staging);
    }
  }

  /** Extracts the wanted binaries flat into {@code into}; returns the release version. */
  private static String extract(Path tarball, Path into) throws IOException {
    String version = null;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String[] parts = entry.getName().replaceFirst("^\\./", "").split("/");
        Matcher top = TOP_DIR.matcher(parts[0]);
        if (!top.matches()) {
          continue;
        }
        if (!top.group(2).equals("amd64")) {
          throw WardenException.badInput("release tarball " + tarball + " is for linux-"
              + top.group(2) + "; use the linux-amd64 release");
        }
        version = top.group(1);
        if (parts.length == 2 && entry.isFile() && WANTED.contains(parts[1])) {
          Files.copy(tar, into.resolve(parts[1]), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    if (version == null) {
      throw WardenException.badInput("release tarball " + tarball
          + " has no etcd-vX.Y.Z-linux-amd64/ folder; use an upstream etcd release");
    }
    return version;
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

  /** Swaps the {@code current} link in one rename, so it never dangles or goes missing. */
  private static void pointCurrentAt(Path prefix, Path target) throws IOException {
    Path temp = prefix.resolve(".current-" + System.nanoTime());
    Files.createSymbolicLink(temp, target);
    Files.move(temp, prefix.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
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
