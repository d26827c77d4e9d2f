package io.etcdwarden.backup;

import io.etcdwarden.storage.StoredSnapshot;
import java.util.Optional;

/** A complete archive in a store with its manifest (empty when the manifest is unreadable). */
public record CatalogEntry(StoredSnapshot stored, Optional<SnapshotManifest> manifest) {}
