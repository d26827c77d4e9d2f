package io.etcdwarden.storage.s3;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.BucketPrefix;
import io.etcdwarden.storage.ChecksummedStore;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoreCallBounds;
import io.etcdwarden.storage.UriOptions;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Opens {@code s3://bucket/prefix?endpoint=&region=&path-style=&sse=&part-size-mb=} with the
 * standard AWS credential chain (environment, profile, instance role) and region chain
 * ({@link S3Region}; {@code region} overrides it). {@code endpoint} selects
 * an S3-compatible store (MinIO, Ceph RGW, Swift's S3 API, S3Proxy); checksums are only sent
 * where S3 requires them, which such stores accept. Retries use the SDK's standard mode
 * (exponential backoff with jitter); connects, reads and attempts are held to the caller's
 * {@link StoreCallBounds}, so a store that never answers fails a call in bounded time.
 */
public final class S3Stores {
  public static final String ENDPOINT = "endpoint";
  public static final String REGION = "region";
  public static final String PATH_STYLE = "path-style";
  public static final String SSE = "sse";
  public static final String PART_SIZE_MB = "part-size-mb";
  static final long DEFAULT_PART_SIZE_MB = 8;
  private static final long MIN_PART_SIZE_MB = 5;
  /**
   * Parts live on the heap, {@value MultipartUpload#IN_FLIGHT} uploading plus one filling: 16 MiB
   * keeps that at 64 MiB inside the launcher's 128 MiB heap, and 10,000 parts of 16 MiB (160 GiB)
   * are far beyond etcd's 8 GiB database limit.
   */
  private static final long MAX_PART_SIZE_MB = 16;

  private S3Stores() {}

  public static SnapshotStore open(URI uri) {
    return open(uri, StoreCallBounds.DEFAULT);
  }

  /** As {@link #open(URI)}, every call to the store held to {@code bounds}. */
  public static SnapshotStore open(URI uri, StoreCallBounds bounds) {
    return open(uri, DefaultCredentialsProvider.builder().build(), bounds);
  }

  /** As {@link #open(URI)} with explicit credentials (tests against a local S3 server). */
  public static SnapshotStore open(URI uri, AwsCredentialsProvider credentials) {
    return open(uri, credentials, StoreCallBounds.DEFAULT);
  }

  private static SnapshotStore open(URI uri, AwsCredentialsProvider credentials,
      StoreCallBounds bounds) {
    UriOptions options = UriOptions.parse(uri, Set.of(ENDPOINT, REGION, PATH_STYLE, SSE,
        PART_SIZE_MB));
    BucketPrefix where = BucketPrefix.of(uri);
    long partMb = options.number(PART_SIZE_MB, DEFAULT_PART_SIZE_MB);
    if (partMb < MIN_PART_SIZE_MB || partMb > MAX_PART_SIZE_MB) {
      throw WardenException.badInput("option '" + PART_SIZE_MB + "' in " + uri + " must be "
          + MIN_PART_SIZE_MB + ".." + MAX_PART_SIZE_MB);
    }
    Optional<String> endpoint = options.get(ENDPOINT);
    Region region = S3Region.resolve(options.get(REGION), endpoint.isPresent(), System.getenv());
    S3ClientBuilder builder = S3Client.builder()
        .region(region)
        .credentialsProvider(() -> {
          try {
            return credentials.resolveCredentials();
          } catch (SdkClientException e) {
            throw new S3Failures.NoCredentials(e);
          }
        })
        .forcePathStyle(options.flag(PATH_STYLE))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(bounds.connect())
            .socketTimeout(bounds.read()))
        // The SDK's standard strategy (AWS's retry conditions, backoff with jitter), with our
        // number of attempts: a configurator alone would replace its conditions.
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
            .toBuilder().maxAttempts(bounds.attempts()).build()));
    endpoint.ifPresent(e -> builder.endpointOverride(URI.create(e)));
    ServerSideEncryption sse = options.get(SSE).map(s -> sse(s, uri)).orElse(null);
    String server = endpoint.orElse("s3." + region.id() + ".amazonaws.com");
    S3BlobStore blobs = new S3BlobStore(builder.build(), where.bucket(), where.prefix(),
        (int) (partMb << 20), sse, endpoint, new S3Failures(server, where.bucket(), bounds));
    return new ChecksummedStore(blobs, where.location("s3"));
  }

  private static ServerSideEncryption sse(String value, URI uri) {
    ServerSideEncryption sse = ServerSideEncryption.fromValue(value);
    if (sse == ServerSideEncryption.UNKNOWN_TO_SDK_VERSION) {
      throw WardenException.badInput("option 'sse' in " + uri + " must be AES256 or aws:kms");
    }
    return sse;
  }
}
