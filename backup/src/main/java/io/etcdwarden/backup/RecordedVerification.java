package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import java.util.Optional;

/**
 * Verifies an archive and, when it is sound, leaves the store's verification mark beside it
 * ({@link SnapshotStore#markVerified}), which is where {@code check_etcd_backup} looks: one
 * {@code snapshots verify} (or {@code snapshot --verify}) clears its "not verified" warning
 * for that archive, whoever took it (the daemon, cron or an operator).
 */
public final class RecordedVerification {
  private RecordedVerification() {}

  /**
   * {@link SnapshotVerifier#verify}, then the mark if nothing was found wrong; an age-encrypted
   * archive is opened with {@code identity}; without one, what can be checked without the key
   * (sha256 and age header) decides, as its summary says.
   */
  public static Verification verify(SnapshotStore store, String name,
      Optional<AgeIdentity> identity) {
    Verification verification = SnapshotVerifier.verify(store, name, identity);
    if (verification.ok()) {
      store.markVerified(name);
    }
    return verification;
  }
}
