package io.etcdwarden.backup;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;

/**
 * {@code etcd-warden keys generate}: a new age identity in age-keygen's file format (so age's
 * own {@code -i} reads it), written 0600 under a temporary name and published with a hard
 * link, which never replaces an existing file: an identity once written is never overwritten.
 */
public final class AgeKeyGenerator {
  private final Clock clock;

  public AgeKeyGenerator(Clock clock) {
    this.clock = clock;
  }

  /** Writes a fresh identity to {@code output} and returns its recipient ({@code age1...}). */
  public String generate(Path output) {
    if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
      throw WardenException.badInput(output + " exists; an identity is never overwritten"
          + " (choose another --output)");
    }
    KeyPair pair;
    try {
      pair = new X25519KeyPairGenerator().generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new WardenException("cannot generate an X25519 key: " + e.getMessage(), e);
    }
    String recipient = pair.getPublic().toString();
    String text = "# created: " + clock.instant() + "\n# public key: " + recipient + "\n"
        + pair.getPrivate() + "\n";
    Path folder = output.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(folder, ".identity-", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temp, text, StandardCharsets.US_ASCII);
      try (var channel = FileChannel.open(temp,
          StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.createLink(output, temp);
      return recipient;
    } catch (FileAlreadyExistsException e) {
      throw WardenException.badInput(output + " exists; an identity is never overwritten"
          + " (choose another --output)");
    } catch (IOException e) {
      throw new WardenException("cannot write identity file " + output + ": "
          + FailureText.of(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // The identity is published (or not) already; a stray temp name is harmless.
        }
      }
    }
  }
}
