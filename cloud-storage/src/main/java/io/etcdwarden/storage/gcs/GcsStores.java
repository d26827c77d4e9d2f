package io.etcdwarden.storage.gcs;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.BucketPrefix;
import io.etcdwarden.storage.ChecksummedStore;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoreCallBounds;
import io.etcdwarden.storage.UriOptions;
import com.google.cloud.http.HttpTransportOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Opens {@code gs://bucket/prefix?endpoint=&project=&chunk-size-mb=&timeout-ms=} with
 * Application Default Credentials. Each request's connect, read and attempts follow the
 * caller's {@link StoreCallBounds} ({@code timeout-ms} overrides the connect and read
 * timeouts), so a stalled store fails a call instead of hanging; {@code endpoint} points the
 * client at another JSON API server (tests), which is then used without credentials.
 */
public final class GcsStores {
  public static final String ENDPOINT = "endpoint";
  public static final String PROJECT = "project";
  public static final String CHUNK_SIZE_MB = "chunk-size-mb";
  /** Per-request connect/read timeout, instead of the caller's bounds. */
  public static final String TIMEOUT_MS = "timeout-ms";
  private static final long DEFAULT_CHUNK_MB = 16;
  /**
   * The client buffers a whole chunk on the heap, which the launcher caps at 96 MiB for snapshot
   * commands (128 MiB for the daemon).
   */
  private static final long MAX_CHUNK_MB = 16;

  private GcsStores() {}

  public static SnapshotStore open(URI uri) {
    return open(uri, StoreCallBounds.DEFAULT);
  }

  /**
   * As {@link #open(URI)}, every call held to {@code bounds}; {@code timeout-ms}, when the URI
   * gives it, sets the connect and read timeouts instead.
   */
  public static SnapshotStore open(URI uri, StoreCallBounds bounds) {
    UriOptions options = UriOptions.parse(uri, Set.of(ENDPOINT, PROJECT, CHUNK_SIZE_MB,
        TIMEOUT_MS));
    BucketPrefix where = BucketPrefix.of(uri);
    long chunkMb = options.number(CHUNK_SIZE_MB, DEFAULT_CHUNK_MB);
    if (chunkMb < 1 || chunkMb > MAX_CHUNK_MB) {
      throw WardenException.badInput("option '" + CHUNK_SIZE_MB + "' in " + uri
          + " must be 1.." + MAX_CHUNK_MB + " (the client holds one chunk in memory)");
    }
    if (options.get(TIMEOUT_MS).isPresent()) {
      long timeoutMs = options.number(TIMEOUT_MS, 0);
      if (timeoutMs < 100 || timeoutMs > Integer.MAX_VALUE) {
        throw WardenException.badInput("option '" + TIMEOUT_MS + "' in " + uri
            + " must be at least 100");
      }
      bounds = new StoreCallBounds(Duration.ofMillis(timeoutMs), Duration.ofMillis(timeoutMs),
          bounds.attempts());
    }
    StorageOptions.Builder builder = StorageOptions.http()
        .setTransportOptions(HttpTransportOptions.newBuilder()
            .setConnectTimeout((int) bounds.connect().toMillis())
            .setReadTimeout((int) bounds.read().toMillis()).build())
        .setRetrySettings(StorageOptions.getDefaultRetrySettings().toBuilder()
            .setMaxAttempts(bounds.attempts())
            .setTotalTimeoutDuration(bounds.worstCase()).build());
    options.get(PROJECT).ifPresent(builder::setProjectId);
    options.get(ENDPOINT).ifPresent(e -> builder.setHost(e)
        .setCredentials(NoCredentials.getInstance()).setProjectId(
            options.get(PROJECT).orElse("test")));
    StorageOptions built = builder.build();
    GcsFailures failures = new GcsFailures(options.get(ENDPOINT).orElse("GCS"), where.bucket(),
        bounds, built.getCredentials() != null);
    GcsBlobStore blobs = new GcsBlobStore(built.getService(), where.bucket(), where.prefix(),
        (int) (chunkMb << 20), failures);
    return new ChecksummedStore(blobs, where.location("gs"));
  }
}
