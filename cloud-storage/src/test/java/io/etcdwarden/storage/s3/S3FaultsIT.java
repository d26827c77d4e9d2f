package io.etcdwarden.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.GeneratedStream;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStoreContract;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.storage.FaultProxy;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploads through a TCP proxy that breaks connections: a clear error and nothing left. */
class S3FaultsIT {
  private static final String NAME = "etcd-snapshot-2026-01-02-03.04.05.tar.zst";
  @RegisterExtension static S3ProxyExtension s3proxy = new S3ProxyExtension();

  private static SnapshotStore throughProxy(FaultProxy proxy, String bucket) {
    return S3Stores.open(URI.create("s3://" + bucket + "/p?endpoint=" + proxy.uri()
        + "&path-style=true&part-size-mb=5"), S3StoreContractIT.CREDENTIALS);
  }

  @Test
  void connectionsThatKeepDroppingFailTheUploadAndLeaveNoParts() throws Exception {
    String bucket = s3proxy.createBucket();
    try (FaultProxy proxy = new FaultProxy(s3proxy.endpoint())) {
      SnapshotStore store = throughProxy(proxy, bucket);
      proxy.dropAfter(3L << 20);

      assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(12L << 20, 1)))
          .isInstanceOf(WardenException.class)
          .hasMessageStartingWith("cannot write s3://" + bucket + "/p/" + NAME + ": ");

      assertThat(proxy.connections()).isGreaterThan(2); // the SDK retried before giving up
      proxy.heal();
      assertThat(store.list()).isEmpty();
      assertThat(s3proxy.filesOf(bucket)).isEmpty();
    }
  }

  @Test
  void aConnectionDroppedOnceIsRetriedAndTheArchiveIsWhole() throws Exception {
    String bucket = s3proxy.createBucket();
    try (FaultProxy proxy = new FaultProxy(s3proxy.endpoint())) {
      SnapshotStore store = throughProxy(proxy, bucket);
      proxy.dropAfter(3L << 20);
      AtomicReference<AssertionError> noRetry = new AtomicReference<>();
      Thread healer = new Thread(() -> {
        try {
          Await.every(Duration.ofMillis(1)).await(Duration.ofSeconds(30),
              "the client's second connection (its retry)", () -> proxy.connections() >= 2);
        } catch (AssertionError e) {
          noRetry.set(e);
        } finally {
          proxy.heal();
        }
      });
      healer.start();

      String sha = store.put(NAME, GeneratedStream.of(12L << 20, 2)).sha256();
      healer.join();
      if (noRetry.get() != null) {
        throw noRetry.get();
      }

      try (var in = store.open(NAME)) {
        assertThat(SnapshotStoreContract.sha256(in)).isEqualTo(sha);
      }
    }
  }
}
