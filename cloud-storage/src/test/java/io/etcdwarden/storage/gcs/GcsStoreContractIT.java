package io.etcdwarden.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.BlobStore;
import io.etcdwarden.storage.GeneratedStream;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStoreContract;
import io.etcdwarden.testkit.storage.GcsTestServer;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract through the real google-cloud-storage client, 1 MiB upload chunks. */
class GcsStoreContractIT extends SnapshotStoreContract {
  @RegisterExtension static GcsTestServer gcs = new GcsTestServer();
  private String bucket;
  private GcsBlobStore raw;

  @BeforeEach
  void freshBucket() {
    bucket = gcs.createBucket();
    raw = new GcsBlobStore(StorageOptions.http().setHost(gcs.endpoint().toString())
        .setProjectId("test").setCredentials(NoCredentials.getInstance()).build().getService(),
        bucket, "etcd/backups/", 1 << 20, new GcsFailures(gcs.endpoint().toString(), bucket,
            io.etcdwarden.storage.StoreCallBounds.DEFAULT, true));
  }

  @Override
  protected SnapshotStore store() {
    return GcsStores.open(URI.create("gs://" + bucket + "/etcd/backups?endpoint="
        + gcs.endpoint() + "&chunk-size-mb=1"));
  }

  @Override
  protected BlobStore raw() {
    return raw;
  }

  @Test
  void anExistingObjectIsNeverOverwritten() {
    store().put(NAME, GeneratedStream.of(3_000_000, 1));

    assertThatThrownBy(() -> store().put(NAME, GeneratedStream.of(100, 2)))
        .isInstanceOf(WardenException.class).hasMessageContaining(NAME);

    assertThat(store().list()).singleElement().matches(s -> s.sizeBytes() == 3_000_000);
  }

  @Test
  void copyCommandUsesGsutil() {
    assertThat(store().put(NAME, GeneratedStream.of(10, 1)).copyCommand())
        .isEqualTo("gsutil cp gs://" + bucket + "/etcd/backups/" + NAME + " .");
  }
}
