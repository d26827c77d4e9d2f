package io.etcdwarden.maintenance;

import io.etcdwarden.core.WardenException;

/**
 * Where to compact history to: an exact {@code revision}, or the current revision minus
 * {@code keepRevisions}, or (both zero) the current revision. {@code physical} waits until the
 * freed space is really released in the backend, as etcd's {@code --physical} does.
 */
public record CompactRequest(long revision, long keepRevisions, boolean physical) {

  public CompactRequest {
    if (revision < 0 || keepRevisions < 0) {
      throw WardenException.badInput(revision < 0 ? "--revision must be positive"
          : "--keep-revisions must not be negative");
    }
    if (revision > 0 && keepRevisions > 0) {
      throw WardenException.badInput("give one of --revision or --keep-revisions");
    }
  }

  /** Compact everything before the current revision. */
  public static CompactRequest toCurrent(boolean physical) {
    return new CompactRequest(0, 0, physical);
  }
}
