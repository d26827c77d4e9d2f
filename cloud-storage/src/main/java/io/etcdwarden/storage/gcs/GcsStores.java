package io.etcdwarden.storage.gcs;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.BucketPrefix;
import io.etcdwarden.storage.ChecksummedStore;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.UriOptions;
import com.google.cloud.http.HttpTransportOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Opens {@code gs://bucket/prefix?endpoint=&project=&chunk-size-mb=&timeout-ms=} with
 * Application Default Credentials; {@code timeout-ms} (default 60000) bounds each request's
 * connect and read, so a stalled upload fails instead of hanging; {@code endpoint} points the client at another JSON API server (tests), which is
 * then used without credentials.
 */
public final class GcsStores {
  public static final String ENDPOINT = "endpoint";
  public static final String PROJECT = "project";
  public static final String CHUNK_SIZE_MB = "chunk-size-mb";
  /** Per-request connect/read timeout; retries stop after four of them. */
  public static final String TIMEOUT_MS = "timeout-ms";
  private static final long DEFAULT_TIMEOUT_MS = 60_000;
  private static final long DEFAULT_CHUNK_MB = 16;
  /**
   * The client buffers a whole chunk on the heap, which the launcher caps at 96 MiB for snapshot
   * commands (128 MiB for the daemon).
   */
  private static final long MAX_CHUNK_MB = 16;

  private GcsStores() {}

  public static SnapshotStore open(URI uri) {
    UriOptions options = UriOptions.parse(uri, Set.of(ENDPOINT, PROJECT, CHUNK_SIZE_MB,
        TIMEOUT_MS));
    BucketPrefix where = BucketPrefix.of(uri);
    long chunkMb = options.number(CHUNK_SIZE_MB, DEFAULT_CHUNK_MB);
    if (chunkMb < 1 || chunkMb > MAX_CHUNK_MB) {
      throw WardenException.badInput("option '" + CHUNK_SIZE_MB + "' in " + uri
          + " must be 1.." + MAX_CHUNK_MB + " (the client holds one chunk in memory)");
    }
    long timeoutMs = options.number(TIMEOUT_MS, DEFAULT_TIMEOUT_MS);
    if (timeoutMs < 100 || timeoutMs > Integer.MAX_VALUE) {
      throw WardenException.badInput("option '" + TIMEOUT_MS + "' in " + uri
          + " must be at least 100");
    }
    StorageOptions.Builder builder = StorageOptions.http()
        .setTransportOptions(HttpTransportOptions.newBuilder()
            .setConnectTimeout((int) timeoutMs).setReadTimeout((int) timeoutMs).build())
        .setRetrySettings(StorageOptions.getDefaultRetrySettings().toBuilder()
            .setTotalTimeoutDuration(Duration.ofMillis(4 * timeoutMs)).build());
    options.get(PROJECT).ifPresent(builder::setProjectId);
    options.get(ENDPOINT).ifPresent(e -> builder.setHost(e)
        .setCredentials(NoCredentials.getInstance()).setProjectId(
            options.get(PROJECT).orElse("test")));
    GcsBlobStore blobs = new GcsBlobStore(builder.build().getService(), where.bucket(),
        where.prefix(),
        (int) (chunkMb << 20));
    return new ChecksummedStore(blobs, where.location("gs"));
  }
}
