package io.etcdwarden.restore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small archives built in memory for the stager's unit tests. */
final class TestTars {
  private TestTars() {}

  /** A gzip'd tar of {@code entries} (name → bytes), in the given order. */
  static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  static Map<String, byte[]> entries(Object... nameThenBytes) {
    Map<String, byte[]> map = new LinkedHashMap<>();
    for (int i = 0; i < nameThenBytes.length; i += 2) {
      map.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
    }
    return map;
  }

  /** {@code body} followed by its sha256, as etcd's snapshot API ends a db. */
  static byte[] dbWithEtcdHash(byte[] body) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
    byte[] db = new byte[body.length + hash.length];
    System.arraycopy(body, 0, db, 0, body.length);
    System.arraycopy(hash, 0, db, body.length, hash.length);
    return db;
  }

  static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
