package io.etcdwarden.storage;

import io.etcdwarden.core.WardenException;
import java.net.URI;

/**
 * The bucket and key prefix of an object-store URI ({@code s3://bucket/a/b} → bucket {@code
 * bucket}, prefix {@code a/b/}; no path → empty prefix), checked once for every provider.
 */
public record BucketPrefix(String bucket, String prefix) {
  public static BucketPrefix of(URI uri) {
    String bucket = uri.getHost();
    if (bucket == null || bucket.isEmpty()) {
      throw WardenException.badInput("snapshot target " + uri + " names no bucket: write "
          + uri.getScheme() + "://bucket/prefix");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    return new BucketPrefix(bucket, path.isEmpty() ? "" : path + "/");
  }

  /** {@code scheme://bucket/prefix/}, for messages. */
  public String location(String scheme) {
    return scheme + "://" + bucket + "/" + prefix;
  }
}
