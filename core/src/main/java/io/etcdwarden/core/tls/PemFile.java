package io.etcdwarden.core.tls;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.PEMParser;

/**
 * One TLS file the operator pointed at, with what it is for ("CA file", "client key") and where
 * the path came from, so that every failure reads like {@code client key /x/client.key (from
 * ETCDCTL_KEY) does not exist}. {@link #objects()} reads it and returns the PEM objects
 * BouncyCastle's {@link PEMParser} finds in it.
 */
record PemFile(String role, Path path, String origin) {
  /** PEM files are a few kilobytes; anything bigger is the wrong file (or /dev/zero). */
  private static final long MAX_BYTES = 1 << 20;

  /** "client key /x/client.key (from ETCDCTL_KEY)". */
  String describe() {
    return role + " " + path + " (from " + origin + ")";
  }

  WardenException problem(String what) {
    return WardenException.badInput(describe() + " " + what);
  }

  WardenException problem(String what, Throwable cause) {
    return WardenException.badInput(describe() + " " + what, cause);
  }

  List<Object> objects() {
    String text = read();
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    } catch (IOException | RuntimeException e) {
      // BouncyCastle says "malformed PEM data" and the like; the one line names the file.
      throw problem("is not a valid PEM file: " + e.getMessage(), e);
    }
    return objects;
  }

  private String read() {
    if (Files.notExists(path)) {
      throw problem("does not exist");
    }
    if (Files.isDirectory(path)) {
      throw problem("is a directory, not a file");
    }
    try {
      byte[] bytes;
      // Bounded by what is read, not by Files.size: /dev/zero or a growing file report less.
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes((int) MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        throw problem("is larger than 1 MiB, which no PEM file is");
      }
      // ISO-8859-1 maps every byte, so binary (DER) content reaches the parser instead of
      // failing here with a charset error that would not say "not PEM".
      return new String(bytes, StandardCharsets.ISO_8859_1);
    } catch (AccessDeniedException e) {
      throw problem("is not readable (permission denied; run as a user that can read it)", e);
    } catch (IOException e) {
      throw problem("could not be read: " + e, e);
    }
  }
}
