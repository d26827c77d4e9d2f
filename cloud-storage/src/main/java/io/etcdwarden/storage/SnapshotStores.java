package io.etcdwarden.storage;

import io.etcdwarden.core.Redaction;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.file.VolumeStores;
import io.etcdwarden.storage.gcs.GcsStores;
import io.etcdwarden.storage.s3.S3Stores;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Opens a {@link SnapshotStore} from the URI an operator gives: {@code file:///dir} for a
 * mounted volume, {@code s3://bucket/prefix} for S3 or an S3-compatible store,
 * {@code gs://bucket/prefix} for Google Cloud Storage; each scheme is one provider package with its own URI options.
 * A target with credentials in it (user-info, also in {@code ?endpoint=}) is refused.
 */
public final class SnapshotStores {
  private SnapshotStores() {}

  /** Parses {@code target} (named by {@code origin}, e.g. "--target", in errors) and opens it. */
  public static SnapshotStore open(String target, String origin) {
    return open(target, origin, StoreCallBounds.DEFAULT);
  }

  /** As {@link #open(String, String)}, every call to an object store held to {@code bounds}. */
  public static SnapshotStore open(String target, String origin, StoreCallBounds bounds) {
    try {
      return open(new URI(target), bounds);
    } catch (URISyntaxException e) {
      throw WardenException.badInput(origin + ": not a URI: " + target
          + " (" + e.getReason() + ")", e);
    }
  }

  public static SnapshotStore open(URI uri) {
    return open(uri, StoreCallBounds.DEFAULT);
  }

  /** As {@link #open(URI)}, every call to an object store held to {@code bounds}. */
  public static SnapshotStore open(URI uri, StoreCallBounds bounds) {
    if (uri.getRawUserInfo() != null || !Redaction.userInfo(uri.toString()).equals(uri.toString())) {
      // The message masks it (WardenException does), but the URI must not travel further:
      // into the store's location, every message and every printed path.
      throw WardenException.badInput("snapshot target " + uri + " holds credentials (user-info);"
          + " remove them: S3 takes the AWS credential chain, GCS its application default"
          + " credentials");
    }
    String scheme = String.valueOf(uri.getScheme());
    switch (scheme) {
      case "file":
        return VolumeStores.open(uri);
      case "s3":
        return S3Stores.open(uri, bounds);
      case "gs":
        return GcsStores.open(uri, bounds);
      default:
        throw WardenException.badInput("unsupported snapshot target " + uri
            + ": use file:///dir, s3://bucket/prefix or gs://bucket/prefix");
    }
  }
}
