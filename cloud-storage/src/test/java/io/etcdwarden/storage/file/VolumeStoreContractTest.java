package io.etcdwarden.storage.file;

import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.storage.BlobStore;
import io.etcdwarden.storage.ChecksummedStore;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a local directory. */
class VolumeStoreContractTest extends SnapshotStoreContract {
  @TempDir Path dir;
  private FileBlobStore raw;

  @BeforeEach
  void open() {
    raw = new FileBlobStore(dir, FreeSpace.ofFileSystem(), 0, "host");
  }

  @Override
  protected SnapshotStore store() {
    return new ChecksummedStore(raw, "file://" + dir);
  }

  @Override
  protected BlobStore raw() {
    return raw;
  }
}
