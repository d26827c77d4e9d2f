package io.etcdwarden.installer.files;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, streamed with a bounded buffer, raw or as {@code sha256sum} prints it. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh SHA-256 digest. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The digest of {@code file}. */
  public static byte[] of(Path file) {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new WardenException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return digest.digest();
  }

  /** The digest of {@code file} in lowercase hex. */
  public static String hex(Path file) {
    return HexFormat.of().formatHex(of(file));
  }
}
