package io.etcdwarden.backup;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The private keys that open encrypted archives, from an identity file in age-keygen's format
 * ({@code AGE-SECRET-KEY-1...} lines, {@code #} comments), named by {@code backup.identity_file}
 * or {@code --identity}. The file may hold several keys (the old and the new one while
 * recipients rotate). It is refused unless only its owner can read it (mode 0600 or stricter);
 * its keys never appear in a message, only its path.
 */
public final class AgeIdentity {
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
  private static final String SECRET_PREFIX = "AGE-SECRET-KEY-1";

  private final Path file;
  private final List<RecipientStanzaReader> readers;

  private AgeIdentity(Path file, List<RecipientStanzaReader> readers) {
    this.file = file;
    this.readers = List.copyOf(readers);
  }

  /** Reads {@code file}; one line naming the file for anything wrong with it. */
  public static AgeIdentity load(Path file) {
    List<String> lines;
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (mode.stream().anyMatch(OTHERS::contains)) {
        throw WardenException.badInput("identity file " + file + " may be read by others ("
            + PosixFilePermissions.toString(mode) + "): chmod 600 it");
      }
      lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw WardenException.badInput("cannot read identity file " + file + ": "
          + FailureText.of(e));
    }
    List<RecipientStanzaReader> readers = new ArrayList<>();
    for (String line : lines) {
      String key = line.strip();
      if (key.isEmpty() || key.startsWith("#")) {
        continue;
      }
      try {
        if (!key.startsWith(SECRET_PREFIX)) {
          throw new GeneralSecurityException("not a secret key");
        }
        readers.add(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(key));
      } catch (GeneralSecurityException | RuntimeException e) {
        throw WardenException.badInput("identity file " + file + " holds a line that is no age"
            + " identity (AGE-SECRET-KEY-1...)");
      }
    }
    if (readers.isEmpty()) {
      throw WardenException.badInput("identity file " + file + " holds no age identity"
          + " (AGE-SECRET-KEY-1...)");
    }
    return new AgeIdentity(file, readers);
  }

  /** The file the keys came from, for messages. */
  public Path file() {
    return file;
  }

  List<RecipientStanzaReader> readers() {
    return readers;
  }
}
