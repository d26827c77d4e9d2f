package io.etcdwarden.backup;

/** What prune did (or, in a dry run, would do) with one archive, and why. */
public record PruneDecision(String name, boolean kept, String reason) {}
