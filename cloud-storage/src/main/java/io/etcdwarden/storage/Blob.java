package io.etcdwarden.storage;

import java.time.Instant;

/** One object as a {@link BlobStore} lists it: name relative to the store, size, write time. */
public record Blob(String name, long sizeBytes, Instant modified) {}
