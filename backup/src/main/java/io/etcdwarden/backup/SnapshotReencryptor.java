package io.etcdwarden.backup;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.PublishedSnapshot;
import io.etcdwarden.storage.Sha256Sidecar;
import io.etcdwarden.storage.SnapshotStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code snapshots reencrypt}: a clear archive already in a store, streamed through age to new
 * recipients into {@code <name>.age} beside it, published atomically like any archive (with its
 * {@code .sha256} last). The clear bytes are checked against their {@code .sha256} on the way:
 * a mismatch fails the stream before the end, so nothing is published. The clear archive is
 * deleted only when asked, and only after the encrypted one is published. An archive that is
 * already encrypted is refused: its name is taken, and the old identity keeps it readable.
 */
public final class SnapshotReencryptor {
  private static final int BUFFER_BYTES = 1 << 16;

  private SnapshotReencryptor() {}

  /** What became of one archive: the published encrypted copy, and whether the old one went. */
  public record Outcome(PublishedSnapshot published, boolean oldDeleted) {}

  public static Outcome reencrypt(SnapshotStore store, String name, AgeRecipients to,
      boolean deleteOld) {
    if (ArchiveName.encrypted(name)) {
      throw WardenException.badInput(name + " is already encrypted; its recipients' identities"
          + " keep it readable (re-encrypting it would need a new name)");
    }
    String expected = expectedSha256(store, name);
    PublishedSnapshot published = ArchivePipe.connect(out -> {
      // Not closed before the check: without age's last chunk the store publishes nothing.
      OutputStream encrypted = new BufferedOutputStream(AgeStreams.encrypt(out, to),
          BUFFER_BYTES);
      MessageDigest sha = Sha256Sidecar.newDigest();
      try (InputStream raw = store.open(name);
          DigestInputStream clear = new DigestInputStream(raw, sha)) {
        clear.transferTo(encrypted);
      }
      String actual = Sha256Sidecar.hex(sha);
      if (!actual.equals(expected)) {
        throw new IOException(name + " sha256 " + actual + " differs from its .sha256 "
            + expected + "; nothing was published");
      }
      encrypted.close();
    }, in -> store.put(name + ArchiveName.AGE_SUFFIX, in));
    boolean deleted = deleteOld && store.delete(name);
    return new Outcome(published, deleted);
  }

  private static String expectedSha256(SnapshotStore store, String name) {
    try (InputStream in = store.open(name + SnapshotStore.SHA256_SUFFIX)) {
      return Sha256Sidecar.parse(new String(in.readNBytes(4096), StandardCharsets.UTF_8), name)
          .orElseThrow(() -> new WardenException(name + SnapshotStore.SHA256_SUFFIX
              + " is not a sha256sum line for it; nothing was published"));
    } catch (IOException | RuntimeException e) {
      if (e instanceof WardenException w) {
        throw w;
      }
      throw new WardenException("cannot read " + name + SnapshotStore.SHA256_SUFFIX + ": "
          + FailureText.of(e) + "; nothing was published", e);
    }
  }
}
