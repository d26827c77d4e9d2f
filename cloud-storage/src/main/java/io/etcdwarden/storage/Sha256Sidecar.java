package io.etcdwarden.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <archive>.sha256} file in {@code sha256sum} format ({@code <hex>  <name>}), so that
 * {@code sha256sum -c} checks a downloaded archive without our tools.
 */
public final class Sha256Sidecar {
  private static final Pattern LINE = Pattern.compile("^([0-9a-f]{64}) [ *](\\S.*)$");

  private Sha256Sidecar() {}

  /** A fresh SHA-256 digest (every JDK has one). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Finishes {@code digest} and returns it as lower-case hex, as sha256sum prints it. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The file's bytes for an archive {@code name} with digest {@code hex}. */
  public static byte[] render(String hex, String name) {
    return (hex + "  " + name + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The digest the file records for {@code name}, if the file is well-formed and names it. */
  public static Optional<String> parse(String content, String name) {
    Matcher m = LINE.matcher(content.strip());
    if (!m.matches() || !m.group(2).equals(name)) {
      return Optional.empty();
    }
    return Optional.of(m.group(1));
  }
}
