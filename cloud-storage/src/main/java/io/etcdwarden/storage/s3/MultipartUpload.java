package io.etcdwarden.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Uploads a stream of unknown length to one S3 key with bounded memory: the stream is cut into
 * parts of {@code partBytes}, at most {@value #IN_FLIGHT} parts upload at once while the next
 * one is read into (in-flight + 1) part buffers made once and reused ({@link PartBuffers}), so an
 * upload of any size allocates no more than that. A stream shorter than one part is a single PUT.
 * The object is visible only after CompleteMultipartUpload; on any failure the upload is aborted
 * so that no object and no orphaned parts remain. The final PUT or CompleteMultipartUpload carries
 * {@code If-None-Match: *}, so two writers racing for one name cannot overwrite each other where
 * the store supports conditional writes (AWS S3 since 2024); stores that ignore the header fall
 * back to the HEAD check {@link S3BlobStore} makes first.
 */
final class MultipartUpload {
  static final int IN_FLIGHT = 3;
  /** {@code If-None-Match: *}: S3 refuses (412) to complete the write if the key exists. */
  static final String ANY = "*";
  private static final long ABORT_WAIT_SECONDS = 60;

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final int partBytes;
  private final ServerSideEncryption sse;

  MultipartUpload(S3Client s3, String bucket, String key, int partBytes,
      ServerSideEncryption sse) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.partBytes = partBytes;
    this.sse = sse;
  }

  long run(InputStream data) throws IOException {
    PartBuffers buffers = new PartBuffers(IN_FLIGHT + 1, partBytes);
    byte[] first = buffers.take();
    int firstLength = data.readNBytes(first, 0, partBytes);
    if (firstLength < partBytes) {
      s3.putObject(b -> b.bucket(bucket).key(key).serverSideEncryption(sse)
          .ifNoneMatch(ANY), body(first, firstLength));
      return firstLength;
    }
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
        .serverSideEncryption(sse)).uploadId();
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT, r -> {
      Thread t = new Thread(r, "s3-part-upload");
      t.setDaemon(true);
      return t;
    });
    List<Future<CompletedPart>> parts = new ArrayList<>();
    try {
      long total = 0;
      byte[] part = first;
      for (int length = firstLength; length > 0; ) {
        byte[] buffer = part;
        int size = length;
        int number = parts.size() + 1;
        parts.add(pool.submit(() -> {
          try {
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .partNumber(number), body(buffer, size)).eTag();
            return CompletedPart.builder().partNumber(number).eTag(etag).build();
          } finally {
            buffers.give(buffer);
          }
        }));
        total += size;
        failFast(parts);
        part = buffers.take(); // waits for a part to finish when all are in flight
        length = data.readNBytes(part, 0, partBytes);
      }
      List<CompletedPart> completed = new ArrayList<>();
      for (Future<CompletedPart> done : parts) {
        completed.add(await(done));
      }
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .ifNoneMatch(ANY).multipartUpload(u -> u.parts(completed)));
      return total;
    } catch (IOException | RuntimeException e) {
      abort(uploadId, pool, parts, e);
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The first {@code length} bytes of {@code buffer} as a request body, without the copy
   * {@code RequestBody.fromBytes} makes; a retry reads them again from the start.
   */
  private static RequestBody body(byte[] buffer, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length),
        length, "application/octet-stream");
  }

  /**
   * Aborts only once no part is in flight: a part landing after the abort would be orphaned.
   * Parts not started are cancelled; parts on the wire are left to finish, never interrupted (an
   * interrupted request ends on our side while the store may still be writing the part).
   */
  private void abort(String uploadId, ExecutorService pool, List<Future<CompletedPart>> parts,
      Exception failure) {
    parts.forEach(part -> part.cancel(false));
    pool.shutdown();
    try {
      if (!pool.awaitTermination(ABORT_WAIT_SECONDS, TimeUnit.SECONDS)) {
        failure.addSuppressed(new IOException("parts still uploading after "
            + ABORT_WAIT_SECONDS + " s; aborting anyway"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Stops reading the source as soon as any part has failed. */
  private static void failFast(List<Future<CompletedPart>> parts) throws IOException {
    for (Future<CompletedPart> part : parts) {
      if (part.isDone()) {
        await(part);
      }
    }
  }

  private static CompletedPart await(Future<CompletedPart> part) throws IOException {
    try {
      return part.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while uploading", e);
    }
  }
}
