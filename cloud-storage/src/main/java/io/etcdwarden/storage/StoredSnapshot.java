package io.etcdwarden.storage;

import java.time.Instant;

/** A complete archive in a store: its name, size in bytes and when the store last wrote it. */
public record StoredSnapshot(String name, long sizeBytes, Instant modified) {}
