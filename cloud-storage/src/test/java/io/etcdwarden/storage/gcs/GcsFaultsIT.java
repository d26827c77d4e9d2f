package io.etcdwarden.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.GeneratedStream;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.testkit.storage.FaultProxy;
import io.etcdwarden.testkit.storage.GcsTestServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Resumable uploads through a TCP proxy that drops or stalls them: a clear error naming the
 * object, and nothing that a listing shows (the upload is never finalised).
 */
class GcsFaultsIT {
  private static final String NAME = "etcd-snapshot-2026-01-02-03.04.05.tar.zst";
  @RegisterExtension static GcsTestServer gcs = new GcsTestServer();

  private static SnapshotStore throughProxy(FaultProxy proxy, String bucket) {
    return GcsStores.open(URI.create("gs://" + bucket + "/p?endpoint=" + proxy.uri()
        + "&chunk-size-mb=1&timeout-ms=1000"));
  }

  @Test
  void connectionsThatKeepDroppingFailTheUploadAndLeaveNothingListed() throws Exception {
    String bucket = gcs.createBucket();
    try (FaultProxy proxy = new FaultProxy(gcs.endpoint());
        SnapshotStore store = throughProxy(proxy, bucket)) {
      proxy.dropAfter(500_000); // less than one 1 MiB chunk: no request gets through

      assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(6L << 20, 1)))
          .isInstanceOf(WardenException.class)
          .hasMessageStartingWith("cannot write gs://" + bucket + "/p/" + NAME + ": ");

      proxy.heal();
      assertThat(store.list()).isEmpty();
    }
  }

  @Test
  void aStalledUploadEndsByTheRequestTimeout() throws Exception {
    String bucket = gcs.createBucket();
    try (FaultProxy proxy = new FaultProxy(gcs.endpoint());
        SnapshotStore store = throughProxy(proxy, bucket)) {
      proxy.stallAfter(500_000);
      long started = System.nanoTime();

      assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(6L << 20, 2)))
          .isInstanceOf(WardenException.class)
          .hasMessageStartingWith("cannot write gs://" + bucket + "/p/" + NAME + ": ");

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
      proxy.heal();
      assertThat(store.list()).isEmpty();
    }
  }
}
