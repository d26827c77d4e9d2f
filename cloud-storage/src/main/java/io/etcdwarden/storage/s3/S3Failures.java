package io.etcdwarden.storage.s3;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.StoreCallBounds;
import io.etcdwarden.storage.StoreFailures;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * S3's failures as one operator line each: what failed where, and what to check (credentials,
 * the bucket, the region, the endpoint). The SDK's own text stays in the cause.
 */
final class S3Failures {
  private final String server;
  private final String bucket;
  private final StoreCallBounds bounds;

  S3Failures(String server, String bucket, StoreCallBounds bounds) {
    this.server = server;
    this.bucket = bucket;
    this.bounds = bounds;
  }

  /**
   * Thrown by our credentials provider when the chain finds none; an SDK exception, so it
   * leaves every call the way the SDK's own do.
   */
  static final class NoCredentials extends SdkClientException {
    NoCredentials(Throwable cause) {
      super(SdkClientException.builder().message("no AWS credentials").cause(cause));
    }
  }

  /** {@code what}: the operation and place, e.g. "cannot list s3://b/p/". */
  WardenException explain(SdkException failure, String what) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof NoCredentials) {
        return new WardenException(what + ": no AWS credentials found: set AWS_ACCESS_KEY_ID"
            + " and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or give this host an instance role",
            failure);
      }
    }
    if (failure instanceof AwsServiceException service) {
      return new WardenException(what + ": " + service(service), failure);
    }
    return StoreFailures.network(failure, what, server, bounds).orElseGet(() ->
        new WardenException(what + ": the S3 client failed before " + server + " answered ("
            + failure.getClass().getSimpleName() + "): check the store's address and the AWS"
            + " settings; ETCD_WARDEN_DEBUG=1 shows the client's message", failure));
  }

  private String service(AwsServiceException e) {
    String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "" : e.awsErrorDetails().errorCode();
    String said = server + " answered " + (code.isEmpty() ? "" : code + ", ") + "HTTP "
        + e.statusCode();
    switch (code) {
      case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken",
          "InvalidClientTokenId", "TokenRefreshRequired":
        return said + ": check the credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
            + " AWS_PROFILE, or the instance role)";
      case "AccessDenied", "AllAccessDisabled":
        return said + ": the credentials may not use bucket '" + bucket + "': check its"
            + " policy and the user's or role's permissions";
      case "NoSuchBucket":
        return said + ": bucket '" + bucket + "' does not exist: check its name, the region"
            + " and the endpoint";
      case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException":
        return said + ": bucket '" + bucket + "' is in another region: set ?region= or"
            + " AWS_REGION";
      default:
        break;
    }
    if (e.statusCode() == 403) {
      return said + ": check the credentials and the bucket's policy";
    }
    if (e.statusCode() == 404) {
      return said + ": check the bucket's name, the region and the endpoint";
    }
    if (e.statusCode() == 301 || e.statusCode() == 307) {
      return said + ": bucket '" + bucket + "' is elsewhere: set ?region= or AWS_REGION";
    }
    // No advice of ours: the store's own words (not the SDK's) say what it refused.
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return said + (message == null || message.isBlank() ? "" : " (" + oneLine(message) + ")")
        + ": check the store's state and the bucket";
  }

  private static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
