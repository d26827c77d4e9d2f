package io.etcdwarden.backup;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * What one tar entry of a snapshot archive may be, judged from its header alone: a regular
 * file with a relative name that stays inside the archive. Everything else is refused with a
 * line that names the entry and says what it is, so that a hostile archive is turned away
 * before any of its bytes are read, let alone written.
 */
final class ArchiveEntryRules {
  private ArchiveEntryRules() {}

  /** Refuses anything but a regular file with a plain relative name. */
  static void requirePlainFile(TarArchiveEntry entry) throws ArchiveRefused {
    String name = entry.getName();
    if (name.isEmpty()) {
      throw new ArchiveRefused("an entry without a name");
    }
    if (name.startsWith("/")) {
      throw new ArchiveRefused("entry '" + name + "' has an absolute path");
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw new ArchiveRefused("entry '" + name + "' points outside the archive (..)");
      }
    }
    if (name.contains("\\") || name.chars().anyMatch(c -> c < 0x20)) {
      throw new ArchiveRefused("entry '" + printable(name) + "' has a name we never write");
    }
    String kind = kind(entry);
    if (kind != null) {
      throw new ArchiveRefused("entry '" + name + "' is " + kind + "; an archive holds only"
          + " regular files");
    }
    if (entry.getSize() < 0) {
      throw new ArchiveRefused("entry '" + name + "' has a negative size");
    }
  }

  /** The refusal of an entry no layout has. */
  static ArchiveRefused unknown(String name) {
    if (name.startsWith("member/") || name.startsWith("./member/")) {
      return new ArchiveRefused("an etcd data dir (entry '" + name + "'), not a snapshot"
          + " archive. If it is the charm's v2 backup (member/wal without member/snap/db), it"
          + " cannot be restored as v3: start it with etcd 3.4, run 'ETCDCTL_API=3 etcdctl"
          + " migrate --data-dir DIR' (v2->v3), take a snapshot with 'etcd-warden snapshot' and"
          + " restore that");
    }
    return new ArchiveRefused("unexpected entry '" + name + "' (an archive holds db and"
        + " manifest.json, or the charm's ./db alone)");
  }

  /** What the entry is when it is not a regular file; null when it is one. */
  private static String kind(TarArchiveEntry entry) {
    if (entry.isSymbolicLink()) {
      return "a symbolic link to '" + entry.getLinkName() + "'";
    }
    if (entry.isLink()) {
      return "a hard link to '" + entry.getLinkName() + "'";
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      return "a device file";
    }
    if (entry.isFIFO()) {
      return "a named pipe";
    }
    if (entry.isDirectory()) {
      return "a directory";
    }
    if (entry.isSparse()) {
      return "a sparse file";
    }
    byte flag = entry.getLinkFlag();
    if (flag != TarConstants.LF_NORMAL && flag != TarConstants.LF_OLDNORM) {
      return "of tar type '" + (char) flag + "'";
    }
    return null;
  }

  private static String printable(String name) {
    return name.replaceAll("[\\p{Cntrl}]", "?");
  }
}
