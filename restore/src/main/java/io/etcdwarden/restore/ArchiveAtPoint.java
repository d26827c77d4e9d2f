package io.etcdwarden.restore;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.ArchiveChooser;
import io.etcdwarden.backup.PointInTime;
import io.etcdwarden.backup.SnapshotCatalog;
import io.etcdwarden.backup.SnapshotVerifier;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.file.VolumeStores;
import java.util.Optional;

/**
 * {@code --from latest --before TIME} or {@code --at-revision N} for restore and drill: reads the
 * store's catalog (every archive's manifest, opening encrypted ones with the identity), lets
 * {@link ArchiveChooser} pick the newest verified archive at or before the point, and names
 * it as a store URI, which restore then resolves, stages and verifies as if the operator had
 * named it. Nothing is written to the store.
 */
public final class ArchiveAtPoint {
  /** The archive chosen, as a {@code --from} URI, and one line on why. */
  public record Chosen(String from, String reason) {}

  private ArchiveAtPoint() {}

  /**
   * The archive of {@code storeUri} at or before {@code point}; refused in one line when the
   * store has none (nothing changed).
   */
  public static Chosen choose(Optional<String> storeUri, boolean allowNonMount,
      Optional<AgeIdentity> identity, PointInTime point) {
    String uri = storeUri.orElseThrow(() -> WardenException.badInput("--before/--at-revision"
        + " choose from a store: give --store URI or set backup.target in warden.yaml"));
    String opened = allowNonMount && uri.startsWith("file:")
        ? uri + (uri.contains("?") ? "&" : "?") + VolumeStores.ALLOW_NON_MOUNT + "=true" : uri;
    try (SnapshotStore store = SnapshotStores.open(opened, "--store")) {
      // Verified: the mark snapshots verify leaves, else (the daemon records its verification
      // in etcd, not as a mark) verified now; only candidates newest first are read, until one
      // verifies.
      ArchiveChooser.Choice choice = ArchiveChooser.choose(SnapshotCatalog.list(store, identity),
          name -> store.verified(name) || SnapshotVerifier.verify(store, name, identity).ok(),
          point);
      return new Chosen(naming(uri, choice.name()), choice.reason());
    }
  }

  /** {@code scheme://bucket/prefix?query} with {@code name} appended to the path. */
  static String naming(String storeUri, String name) {
    int q = storeUri.indexOf('?');
    String path = q < 0 ? storeUri : storeUri.substring(0, q);
    String query = q < 0 ? "" : storeUri.substring(q);
    return (path.endsWith("/") ? path : path + "/") + name + query;
  }
}
