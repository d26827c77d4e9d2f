package io.etcdwarden.backup;

/**
 * Told how far the snapshot stream from etcd has come: bytes received so far and the size the
 * member reported for its database (an estimate; the stream can end a little later or sooner).
 * The CLI draws its progress bar from it. Called from the stream's thread; must not block long.
 */
@FunctionalInterface
public interface SnapshotProgress {
  SnapshotProgress NONE = (received, expected) -> { };

  void update(long receivedBytes, long expectedBytes);
}
