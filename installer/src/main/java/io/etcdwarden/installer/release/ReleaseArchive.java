package io.etcdwarden.installer.release;

import io.etcdwarden.core.WardenException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads an upstream etcd release tarball and copies its binaries flat into a staging folder,
 * accepting only what an upstream release holds: regular files and folders, all under one
 * {@code etcd-vX.Y.Z-linux-ARCH/} folder. An absolute name, a {@code ..} or {@code .} step, a
 * symbolic or hard link, a device, a second top folder or a binary named twice refuses the whole
 * tarball with one line, so no link can lead a later write out of the staging folder. Only the
 * fixed names in {@code wanted} are ever written, each a new file in {@code into}.
 */
final class ReleaseArchive {
  private static final Pattern TOP_DIR =
      Pattern.compile("etcd-(v[0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.]+)?)-linux-([a-z0-9]+)");

  private final Path tarball;

  ReleaseArchive(Path tarball) {
    this.tarball = tarball;
  }

  /**
   * Checks every entry and copies the {@code wanted} binaries into {@code into} (only checks
   * when {@code into} is null); returns the release version and the wanted binaries found.
   */
  Contents extract(Set<String> wanted, Path into) throws IOException {
    String top = null;
    Set<String> copied = new HashSet<>();
    try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry entry;
      while ((entry = nextEntry(tar)) != null) {
        String name = entry.getName();
        String relative = name.startsWith("./") ? name.substring(2) : name;
        if (relative.isEmpty() && entry.isDirectory()) {
          continue; // the "./" folder itself
        }
        requireRegularOrFolder(entry, name);
        String[] parts = pathParts(relative, name);
        if (top == null) {
          top = parts[0];
        } else if (!top.equals(parts[0])) {
          throw refused(name, "lies outside the release folder " + top + "/");
        }
        if (parts.length == 2 && !entry.isDirectory() && wanted.contains(parts[1])) {
          if (!copied.add(parts[1])) {
            throw refused(name, "is a second copy of " + parts[1]);
          }
          if (into != null) {
            Files.copy(tar, into.resolve(parts[1]));
          }
        }
      }
    }
    if (top == null) {
      throw WardenException.badInput("release tarball " + tarball
          + " has no etcd-vX.Y.Z-linux-amd64/ folder; use an upstream etcd release");
    }
    Matcher release = TOP_DIR.matcher(top);
    if (!release.matches()) {
      throw WardenException.badInput("release tarball " + tarball + ": its folder '" + top
          + "' is not etcd-vX.Y.Z-linux-amd64/; use an upstream etcd release");
    }
    if (!release.group(2).equals("amd64")) {
      throw WardenException.badInput("release tarball " + tarball + " is for linux-"
          + release.group(2) + "; use the linux-amd64 release");
    }
    return new Contents(release.group(1), Set.copyOf(copied));
  }

  /** What a sound release tarball holds: its version ({@code vX.Y.Z}) and wanted binaries. */
  record Contents(String version, Set<String> binaries) {}

  private TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (EOFException e) {
      throw new IOException("it ends in the middle of an entry (truncated)", e);
    }
  }

  private void requireRegularOrFolder(TarArchiveEntry entry, String name) {
    if (entry.isSymbolicLink()) {
      throw refused(name, "is a symbolic link to " + printable(entry.getLinkName()));
    }
    if (entry.isLink()) {
      throw refused(name, "is a hard link to " + printable(entry.getLinkName()));
    }
    byte type = entry.getLinkFlag();
    boolean regular = type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM
        || type == TarConstants.LF_CONTIG;
    if (!entry.isDirectory() && !regular) {
      throw refused(name, "is neither a regular file nor a folder (tar type '" + (char) type
          + "')");
    }
  }

  private String[] pathParts(String relative, String name) {
    if (relative.startsWith("/")) {
      throw refused(name, "has an absolute path");
    }
    String trimmed = relative.endsWith("/") ? relative.substring(0, relative.length() - 1)
        : relative;
    String[] parts = trimmed.split("/", -1);
    for (String part : parts) {
      if (part.equals("..")) {
        throw refused(name, "climbs out with '..'");
      }
      if (part.isEmpty() || part.equals(".") || part.indexOf('\\') >= 0
          || part.indexOf('\0') >= 0) {
        throw refused(name, "is not a plain relative path");
      }
    }
    return parts;
  }

  private WardenException refused(String entryName, String why) {
    return WardenException.badInput("release tarball " + tarball + " refused: entry '"
        + printable(entryName) + "' " + why + "; only regular files and folders under its"
        + " etcd-vX.Y.Z-linux-amd64/ folder are accepted");
  }

  private static String printable(String text) {
    return text.codePoints().map(c -> c < 0x20 || c == 0x7f ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
