package io.etcdwarden.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A snapshot received in full from etcd and checked against etcd's own trailing hash, held in
 * a temp file on local disk until it is archived; closing deletes the file.
 */
record SpooledSnapshot(Path file, long sizeBytes, String sha256) implements AutoCloseable {
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the spool file " + file, e);
    }
  }
}
