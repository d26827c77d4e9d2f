package io.etcdwarden.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The narrow seam each provider (volume, S3, GCS) implements: plain objects under one prefix,
 * with no knowledge of archives or checksums ({@link ChecksummedStore} adds those once for all
 * providers). {@link #write} must be atomic: the object is visible only once complete, and a
 * failed write leaves nothing visible (no temp file in {@link #list}, no orphaned upload).
 */
public interface BlobStore extends AutoCloseable {
  /** Writes {@code name} from {@code data} atomically; returns the number of bytes written. */
  long write(String name, InputStream data) throws IOException;

  /** Opens {@code name}; throws {@link java.nio.file.NoSuchFileException} when it is absent. */
  InputStream read(String name) throws IOException;

  /** Every complete object under the prefix. */
  List<Blob> list() throws IOException;

  /** Deletes {@code name}; false when it did not exist. */
  boolean delete(String name) throws IOException;

  /** Where {@code name} is (a path or URI) for messages and output. */
  String locate(String name);

  /** A command an operator can paste to fetch {@code name} to the current directory. */
  String copyCommand(String name);

  /** Releases the provider's client; nothing by default. */
  @Override
  default void close() throws IOException {}
}
