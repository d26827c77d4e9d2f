package io.etcdwarden.storage.s3;

import io.etcdwarden.storage.Blob;
import io.etcdwarden.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Objects under {@code s3://bucket/prefix/}: streaming multipart writes ({@link
 * MultipartUpload}), plain GETs for reading (S3-compatible stores do not all support ranged
 * parallel downloads), a paginated listing of the prefix's direct children. The SDK's failures
 * leave as one operator line each ({@link S3Failures}).
 */
final class S3BlobStore implements BlobStore {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final int partBytes;
  private final ServerSideEncryption sse;
  private final Optional<String> endpoint;
  private final S3Failures failures;

  S3BlobStore(S3Client s3, String bucket, String prefix, int partBytes,
      ServerSideEncryption sse, Optional<String> endpoint, S3Failures failures) {
    this.failures = failures;
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.partBytes = partBytes;
    this.sse = sse;
    this.endpoint = endpoint;
  }

  @Override
  public long write(String name, InputStream data) throws IOException {
    if (exists(name)) {
      throw new FileAlreadyExistsException(locate(name), null, "will not overwrite");
    }
    try {
      return new MultipartUpload(s3, bucket, prefix + name, partBytes, sse).run(data);
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        throw new FileAlreadyExistsException(locate(name), null,
            "will not overwrite (written by someone else meanwhile)");
      }
      throw failures.explain(e, "cannot write " + locate(name));
    } catch (SdkException e) {
      throw failures.explain(e, "cannot write " + locate(name));
    }
  }

  @Override
  public InputStream read(String name) throws IOException {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(prefix + name));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(locate(name));
    } catch (SdkException e) {
      throw failures.explain(e, "cannot read " + locate(name));
    }
  }

  @Override
  public List<Blob> list() {
    try {
      return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
          .filter(o -> !o.key().substring(prefix.length()).contains("/"))
          .map(o -> new Blob(o.key().substring(prefix.length()), o.size(), o.lastModified()))
          .toList();
    } catch (SdkException e) {
      throw failures.explain(e, "cannot list " + locate(""));
    }
  }

  @Override
  public boolean delete(String name) {
    if (!exists(name)) {
      return false;
    }
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(prefix + name));
    } catch (SdkException e) {
      throw failures.explain(e, "cannot delete " + locate(name));
    }
    return true;
  }

  private boolean exists(String name) {
    String key = prefix + name;
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404 && (e.awsErrorDetails() == null
          || !"NoSuchBucket".equals(e.awsErrorDetails().errorCode()))) {
        return false;
      }
      throw failures.explain(e, "cannot look up " + locate(name));
    } catch (SdkException e) {
      throw failures.explain(e, "cannot look up " + locate(name));
    }
  }

  @Override
  public void close() {
    s3.close();
  }

  @Override
  public String locate(String name) {
    return "s3://" + bucket + "/" + prefix + name;
  }

  @Override
  public String copyCommand(String name) {
    return "aws s3 cp " + locate(name) + " ." + endpoint.map(e -> " --endpoint-url " + e)
        .orElse("");
  }
}
