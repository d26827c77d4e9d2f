package io.etcdwarden.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.GeneratedStream;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStoreContract;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What S3Proxy 4.1.0 does with the two S3 features beyond plain PUTs that archives use:
 * server-side encryption (refused, 501) and the {@code If-None-Match: *} that closes the race
 * between the HEAD check and the write (honoured: 412 for a PUT and for
 * CompleteMultipartUpload, so a writer that lost the race never overwrites).
 */
class S3ConditionalWritesIT {
  private static final String NAME = "etcd-snapshot-2026-01-02-03.04.05.tar.zst";
  @RegisterExtension static S3ProxyExtension s3proxy = new S3ProxyExtension();

  private static S3Client client() {
    return S3Client.builder().region(Region.US_EAST_1)
        .credentialsProvider(S3StoreContractIT.CREDENTIALS)
        .endpointOverride(s3proxy.endpoint()).forcePathStyle(true)
        .requestChecksumCalculation(
            software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
        .build();
  }

  /**
   * S3Proxy 4.1.0 answers any SSE header with 501 "Server-side encryption is not supported", so
   * {@code sse=} is only shown to reach the store and to fail cleanly; with AWS it encrypts.
   */
  @Test
  void serverSideEncryptionIsAskedForAndARefusalLeavesNothing() throws Exception {
    String bucket = s3proxy.createBucket();
    try (SnapshotStore store = S3Stores.open(URI.create("s3://" + bucket + "/p?endpoint="
        + s3proxy.endpoint() + "&path-style=true&part-size-mb=5&sse=AES256"),
        S3StoreContractIT.CREDENTIALS)) {
      assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(12L << 20, 3)))
          .isInstanceOf(WardenException.class)
          .hasMessageContaining("cannot write s3://" + bucket + "/p/" + NAME)
          .hasMessageContaining("Server-side encryption is not supported");

      assertThat(store.list()).isEmpty();
      assertThat(s3proxy.filesOf(bucket)).isEmpty();
    }
  }

  @Test
  void aWriterThatLosesTheRaceDoesNotOverwriteWhenTheStoreHonoursIfNoneMatch() throws Exception {
    String bucket = s3proxy.createBucket();
    try (S3Client s3 = client()) {
      s3.putObject(b -> b.bucket(bucket).key("p/" + NAME), RequestBody.fromString("first"));

      // The HEAD check has passed for the loser; only the conditional write protects "first".
      boolean refused = refused(() -> new MultipartUpload(s3, bucket, "p/" + NAME, 5 << 20, null)
          .run(GeneratedStream.of(1 << 20, 4)));
      boolean refusedMultipart = refused(() -> new MultipartUpload(s3, bucket, "p/" + NAME,
          5 << 20, null).run(GeneratedStream.of(11L << 20, 5)));

      String kept = s3.getObjectAsBytes(b -> b.bucket(bucket).key("p/" + NAME)).asUtf8String();
      assertThat(refused).as("single PUT refused with 412").isTrue();
      assertThat(refusedMultipart).as("CompleteMultipartUpload refused with 412").isTrue();
      assertThat(kept).isEqualTo("first");
      assertThat(s3proxy.filesOf(bucket)).hasSize(1); // the refused upload was aborted
    }
  }

  private interface Upload {
    void run() throws Exception;
  }

  private static boolean refused(Upload upload) throws Exception {
    try {
      upload.run();
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        return true;
      }
      throw e;
    }
  }
}
