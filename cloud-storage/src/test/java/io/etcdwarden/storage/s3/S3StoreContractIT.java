package io.etcdwarden.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.storage.BlobStore;
import io.etcdwarden.storage.ChecksummedStore;
import io.etcdwarden.storage.GeneratedStream;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStoreContract;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The store contract on S3Proxy 4.1.0, through the real AWS SDK v2 client, with 5 MiB parts. */
class S3StoreContractIT extends SnapshotStoreContract {
  @RegisterExtension static S3ProxyExtension s3proxy = new S3ProxyExtension();
  static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create(S3ProxyExtension.ACCESS_KEY, S3ProxyExtension.SECRET_KEY));
  private String bucket;
  private S3BlobStore raw;

  @BeforeEach
  void freshBucket() {
    bucket = s3proxy.createBucket();
    S3Client client = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
        .endpointOverride(s3proxy.endpoint()).forcePathStyle(true)
        .requestChecksumCalculation(
            software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
        .build();
    raw = new S3BlobStore(client, bucket, "etcd/backups/", 5 << 20, null,
        Optional.of(s3proxy.endpoint().toString()), new S3Failures(s3proxy.endpoint()
            .toString(), bucket, io.etcdwarden.storage.StoreCallBounds.DEFAULT));
  }

  static URI uri(S3ProxyExtension server, String bucket) {
    return URI.create("s3://" + bucket + "/etcd/backups?endpoint=" + server.endpoint()
        + "&path-style=true&part-size-mb=5");
  }

  @Override
  protected SnapshotStore store() {
    return S3Stores.open(uri(s3proxy, bucket), CREDENTIALS);
  }

  @Override
  protected BlobStore raw() {
    return raw;
  }

  @Test
  void aFailedMultipartUploadLeavesNoPartsBehind() throws Exception {
    try {
      store().put(NAME, GeneratedStream.failingAfter(12L << 20, 1));
    } catch (RuntimeException expected) {
      // asserted below: nothing of the upload remains
    }

    assertThat(store().list()).isEmpty();
    assertThat(s3proxy.filesOf(bucket)).isEmpty();
  }

  @Test
  void theCopyCommandNamesTheEndpoint() {
    String cmd = store().put(NAME, GeneratedStream.of(10, 1)).copyCommand();

    assertThat(cmd).isEqualTo("aws s3 cp s3://" + bucket + "/etcd/backups/" + NAME
        + " . --endpoint-url " + s3proxy.endpoint());
  }
}
