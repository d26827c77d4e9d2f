package io.etcdwarden.core.auth;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.BoundedFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Reads an etcd password from a file: its first line, without the line ending (so {@code echo
 * secret > file} works). A file every user may read is refused, as ssh refuses such keys: the
 * password would not be a secret; 0600 or 0640 (a group such as nagios) are fine. Messages name
 * the file and its origin, never its content.
 */
final class PasswordFile {
  private static final int LIMIT = 4096;

  private PasswordFile() {}

  static String read(Path file, String origin) {
    String where = "password file " + file + " (from " + origin + ")";
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (mode.contains(PosixFilePermission.OTHERS_READ)) {
        throw WardenException.badInput(where + " is readable by every user: chmod 0600 (or"
            + " 0640 for a group) it first");
      }
      String text = BoundedFile.utf8(file, LIMIT, "password file");
      int end = text.indexOf('\n');
      String line = end < 0 ? text : text.substring(0, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        throw WardenException.badInput(where + " is empty: write the password on its first line");
      }
      return line;
    } catch (NoSuchFileException e) {
      throw WardenException.badInput(where + " does not exist");
    } catch (CharacterCodingException e) {
      throw WardenException.badInput(where + " is not UTF-8 text");
    } catch (IOException e) {
      throw WardenException.badInput(where + " cannot be read: " + e.getClass().getSimpleName());
    } catch (UnsupportedOperationException e) {
      throw WardenException.badInput(where + " is not on a POSIX file system");
    }
  }
}
