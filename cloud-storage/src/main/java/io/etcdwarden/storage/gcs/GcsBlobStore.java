package io.etcdwarden.storage.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.etcdwarden.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects under {@code gs://bucket/prefix/}: a resumable upload through the client's {@link
 * WriteChannel} in chunks of {@code chunkBytes}, with {@code ifGenerationMatch=0} so that an
 * existing object is never overwritten. The object appears only when the channel is closed; on
 * failure the channel is abandoned unclosed, so the upload never completes and nothing appears.
 * The client's failures leave as one operator line each ({@link GcsFailures}).
 */
final class GcsBlobStore implements BlobStore {
  private static final int BUFFER_BYTES = 1 << 16;
  private final Storage storage;
  private final String bucket;
  private final String prefix;
  private final int chunkBytes;
  private final GcsFailures failures;

  GcsBlobStore(Storage storage, String bucket, String prefix, int chunkBytes,
      GcsFailures failures) {
    this.failures = failures;
    this.storage = storage;
    this.bucket = bucket;
    this.prefix = prefix;
    this.chunkBytes = chunkBytes;
  }

  @Override
  public long write(String name, InputStream data) throws IOException {
    try {
      return upload(name, data);
    } catch (StorageException e) {
      throw failures.explain(e, "cannot write " + locate(name));
    }
  }

  private long upload(String name, InputStream data) throws IOException {
    BlobInfo info = BlobInfo.newBuilder(BlobId.of(bucket, prefix + name)).build();
    WriteChannel channel = storage.writer(info, Storage.BlobWriteOption.doesNotExist());
    channel.setChunkSize(chunkBytes);
    long written = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
      ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
      while (chunk.hasRemaining()) {
        channel.write(chunk);
      }
      written += n;
    }
    try {
      channel.close();
    } catch (StorageException e) {
      if (e.getCode() == 412) {
        throw new FileAlreadyExistsException(locate(name), null, "will not overwrite");
      }
      throw e;
    }
    return written;
  }

  @Override
  public InputStream read(String name) throws IOException {
    try {
      if (storage.get(BlobId.of(bucket, prefix + name)) == null) {
        throw new NoSuchFileException(locate(name));
      }
      return Channels.newInputStream(storage.reader(BlobId.of(bucket, prefix + name)));
    } catch (StorageException e) {
      throw failures.explain(e, "cannot read " + locate(name));
    }
  }

  @Override
  public List<io.etcdwarden.storage.Blob> list() {
    try {
      return listed();
    } catch (StorageException e) {
      throw failures.explain(e, "cannot list " + locate(""));
    }
  }

  private List<io.etcdwarden.storage.Blob> listed() {
    List<io.etcdwarden.storage.Blob> blobs = new ArrayList<>();
    for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix(prefix),
        Storage.BlobListOption.currentDirectory()).iterateAll()) {
      if (!blob.isDirectory()) {
        Instant updated = blob.getUpdateTimeOffsetDateTime() == null ? Instant.EPOCH
            : blob.getUpdateTimeOffsetDateTime().toInstant();
        blobs.add(new io.etcdwarden.storage.Blob(blob.getName().substring(prefix.length()),
            blob.getSize(), updated));
      }
    }
    return blobs;
  }

  @Override
  public boolean delete(String name) {
    try {
      return storage.delete(BlobId.of(bucket, prefix + name));
    } catch (StorageException e) {
      throw failures.explain(e, "cannot delete " + locate(name));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      storage.close();
    } catch (Exception e) {
      throw new IOException("cannot close the GCS client: " + e, e);
    }
  }

  @Override
  public String locate(String name) {
    return "gs://" + bucket + "/" + prefix + name;
  }

  @Override
  public String copyCommand(String name) {
    return "gsutil cp " + locate(name) + " .";
  }
}
