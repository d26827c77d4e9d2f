package io.etcdwarden.storage;

/**
 * One archive that {@link SnapshotStore#put} has just published: where it is, how big, its
 * sha256 (as written to its {@code .sha256}) and a ready command an operator can paste to fetch
 * it ({@code scp}, {@code aws s3 cp}, {@code gsutil cp}).
 */
public record PublishedSnapshot(String name, String location, long sizeBytes, String sha256,
    String copyCommand) {}
