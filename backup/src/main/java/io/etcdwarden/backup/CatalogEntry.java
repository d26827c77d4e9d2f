package io.etcdwarden.backup;

import io.etcdwarden.storage.StoredSnapshot;
import java.util.Optional;

/**
 * A complete archive in a store with its manifest; without one, {@code note} says why (a charm
 * archive, or one the {@link ArchiveReader} refuses or cannot read), empty when not looked at;
 * for an age-encrypted archive it names the recipients, manifest or not.
 */
public record CatalogEntry(StoredSnapshot stored, Optional<SnapshotManifest> manifest,
    String note) {}
