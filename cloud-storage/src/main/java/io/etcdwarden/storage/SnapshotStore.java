package io.etcdwarden.storage;

import java.io.InputStream;
import java.util.List;

/**
 * Where snapshot archives live: a mounted volume, an S3 bucket prefix or a GCS bucket prefix.
 * Four streaming operations, plus a verification mark beside an archive. {@link #put} publishes an archive atomically and
 * writes its {@code <name>.sha256} (sha256sum format) last; {@link #list} shows only archives
 * whose {@code .sha256} exists, so an interrupted upload is never mistaken for a backup. Every
 * failure is a {@link io.etcdwarden.core.WardenException} naming the location. Closing releases
 * the provider's client (connection pools, threads); a store is not used after that.
 */
public interface SnapshotStore extends AutoCloseable {
  /** The suffix of the checksum file written beside every archive. */
  String SHA256_SUFFIX = ".sha256";

  /** The suffix of the mark a successful verification leaves beside an archive. */
  String VERIFIED_SUFFIX = ".verified";

  /** Streams {@code data} to {@code name}; on failure nothing that {@link #list} shows is left. */
  PublishedSnapshot put(String name, InputStream data);

  /** Opens a stored object (an archive or its {@code .sha256}) for streaming reading. */
  InputStream open(String name);

  /** Complete archives (those with a {@code .sha256}), oldest name first. */
  List<StoredSnapshot> list();

  /** Deletes an archive, its {@code .sha256} and its mark; false when there was nothing. */
  boolean delete(String name);

  /**
   * Records that {@code name} was re-read and found sound: writes {@code <name>.verified}
   * holding the digest of its {@code .sha256}, so the mark vouches for those bytes only.
   */
  void markVerified(String name);

  /** True when {@code name} carries a mark whose digest is the one in its {@code .sha256}. */
  boolean verified(String name);

  /** The store's own URI, for messages. */
  String location();

  /** Releases the provider's client; nothing by default. */
  @Override
  default void close() {}
}
