package io.etcdwarden.backup;

import io.etcdwarden.storage.Sha256Sidecar;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Both digests a db needs, in one sha256 pass: the sha256 of the whole db (the manifest's
 * {@code db_sha256}) and whether its last 32 bytes are the sha256 of everything before them
 * (etcd's own hash, what {@code snapshot restore} checks). The last 32 bytes seen are held back;
 * at the end the digest of the rest is cloned and finished both ways. Hashing is the costly
 * part of verifying or staging a large archive, so one pass instead of two matters; a
 * truncated stream is caught (its tail is not the hash of what came before).
 */
public final class DbDigests {
  /** Length of etcd's trailing hash (sha256). */
  static final int HASH_BYTES = 32;

  private final MessageDigest body = Sha256Sidecar.newDigest();
  private final byte[] tail = new byte[HASH_BYTES];
  private int tailLength;

  public void update(byte[] bytes, int offset, int length) {
    if (length >= HASH_BYTES) {
      body.update(tail, 0, tailLength);
      body.update(bytes, offset, length - HASH_BYTES);
      System.arraycopy(bytes, offset + length - HASH_BYTES, tail, 0, HASH_BYTES);
      tailLength = HASH_BYTES;
      return;
    }
    int overflow = Math.max(0, tailLength + length - HASH_BYTES);
    body.update(tail, 0, overflow);
    System.arraycopy(tail, overflow, tail, 0, tailLength - overflow);
    tailLength -= overflow;
    System.arraycopy(bytes, offset, tail, tailLength, length);
    tailLength += length;
  }

  /** The sha256 of every byte seen, as hex. Call once, after the last update. */
  public Result finish() {
    try {
      MessageDigest whole = (MessageDigest) body.clone();
      whole.update(tail, 0, tailLength);
      boolean etcdHash = tailLength == HASH_BYTES && Arrays.equals(body.digest(), tail);
      return new Result(HexFormat.of().formatHex(whole.digest()), etcdHash);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 digests are cloneable", e);
    }
  }

  /** The db's sha256 and whether it ends with etcd's valid hash. */
  public record Result(String sha256, boolean etcdHashValid) {}
}
