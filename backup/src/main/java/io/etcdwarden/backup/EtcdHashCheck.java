package io.etcdwarden.backup;

import io.etcdwarden.storage.Sha256Sidecar;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Checks etcd's own integrity hash while bytes stream past: a snapshot from etcd's API ends with
 * the sha256 of everything before it (the 32 bytes {@code etcdctl snapshot restore} checks).
 * The last 32 bytes seen are held back from the digest, so the check needs no second pass and a
 * truncated stream is caught.
 */
public final class EtcdHashCheck {
  static final int HASH_BYTES = 32;

  private final MessageDigest digest = Sha256Sidecar.newDigest();
  private final byte[] tail = new byte[HASH_BYTES];
  private int tailLength;

  public void update(byte[] bytes, int offset, int length) {
    int total = tailLength + length;
    int release = Math.max(0, total - HASH_BYTES);
    // Release the oldest bytes of (tail + bytes) to the digest; keep the newest 32 as the tail.
    int fromTail = Math.min(release, tailLength);
    digest.update(tail, 0, fromTail);
    digest.update(bytes, offset, release - fromTail);
    byte[] keep = new byte[HASH_BYTES];
    int kept = 0;
    for (int i = fromTail; i < tailLength; i++) {
      keep[kept++] = tail[i];
    }
    int fromBytes = release - fromTail;
    for (int i = fromBytes; i < length; i++) {
      keep[kept++] = bytes[offset + i];
    }
    System.arraycopy(keep, 0, tail, 0, kept);
    tailLength = kept;
  }

  /** True when the stream so far ends with the sha256 of everything before its last 32 bytes. */
  public boolean matches() {
    return tailLength == HASH_BYTES && Arrays.equals(digest.digest(), tail);
  }
}
