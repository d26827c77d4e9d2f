package io.etcdwarden.backup;

import io.etcdwarden.storage.PublishedSnapshot;

/** What one run of {@link SnapshotArchiver} produced: the published archive and its manifest. */
public record ArchivedSnapshot(PublishedSnapshot published, SnapshotManifest manifest) {}
