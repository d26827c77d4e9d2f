package io.etcdwarden.storage.gcs;

import com.google.cloud.BaseServiceException;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.StoreCallBounds;
import io.etcdwarden.storage.StoreFailures;

/**
 * Google Cloud Storage's failures as one operator line each: what failed where, and what to
 * check (Application Default Credentials, the bucket, the endpoint). The client's own text
 * stays in the cause.
 */
final class GcsFailures {
  private final String server;
  private final String bucket;
  private final StoreCallBounds bounds;
  private final boolean credentials;

  /** {@code credentials}: whether the client found any (Application Default Credentials). */
  GcsFailures(String server, String bucket, StoreCallBounds bounds, boolean credentials) {
    this.server = server;
    this.bucket = bucket;
    this.bounds = bounds;
    this.credentials = credentials;
  }

  /** {@code what}: the operation and place, e.g. "cannot list gs://b/p/". */
  WardenException explain(RuntimeException failure, String what) {
    int code = failure instanceof BaseServiceException s ? s.getCode() : 0;
    String said = server + " answered HTTP " + code;
    if (code == 401 || code == 403 && !credentials) {
      return new WardenException(what + ": " + said + ": " + (credentials
          ? "check the credentials (GOOGLE_APPLICATION_CREDENTIALS or the instance's service"
              + " account)"
          : "no Google credentials found: set GOOGLE_APPLICATION_CREDENTIALS to a service"
              + " account key, or give this host a service account"), failure);
    }
    if (code == 403) {
      return new WardenException(what + ": " + said + ": the credentials may not use bucket '"
          + bucket + "': check its IAM permissions", failure);
    }
    if (code == 404) {
      return new WardenException(what + ": " + said + ": bucket '" + bucket + "' does not"
          + " exist: check its name and the project", failure);
    }
    if (code >= 400) {
      return new WardenException(what + ": " + said + ": check the store's state and the"
          + " bucket", failure);
    }
    return StoreFailures.network(failure, what, server, bounds).orElseGet(() ->
        new WardenException(what + ": the GCS client failed before " + server + " answered ("
            + failure.getClass().getSimpleName() + "): check the store's address and the"
            + " credentials; ETCD_WARDEN_DEBUG=1 shows the client's message", failure));
  }
}
