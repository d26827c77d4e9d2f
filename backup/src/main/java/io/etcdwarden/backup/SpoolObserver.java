package io.etcdwarden.backup;

import io.etcd.jetcd.maintenance.SnapshotResponse;
import io.etcdwarden.storage.Sha256Sidecar;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives etcd's snapshot stream chunk by chunk into a file, hashing as it goes (sha256 of the
 * whole {@code db}, and etcd's trailing hash check); {@link #done} completes when the stream
 * ends or fails. Chunks arrive one at a time (gRPC serialises them), so no locking is needed.
 */
final class SpoolObserver implements StreamObserver<SnapshotResponse> {
  final CompletableFuture<Void> done = new CompletableFuture<>();
  final AtomicLong received = new AtomicLong();
  private final FileChannel out;
  private final MessageDigest sha256;
  private final EtcdHashCheck etcdHash = new EtcdHashCheck();
  private final SnapshotProgress progress;
  private final long expectedBytes;

  SpoolObserver(FileChannel out, SnapshotProgress progress, long expectedBytes) {
    this.out = out;
    this.progress = progress;
    this.expectedBytes = expectedBytes;
    this.sha256 = Sha256Sidecar.newDigest();
  }

  @Override
  public void onNext(SnapshotResponse response) {
    if (done.isDone()) {
      return; // abandoned (stalled) or already failed: drop the rest
    }
    byte[] chunk = response.getBlob().toByteArray();
    try {
      ByteBuffer buffer = ByteBuffer.wrap(chunk);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
    } catch (IOException e) {
      done.completeExceptionally(e);
      return;
    }
    sha256.update(chunk);
    etcdHash.update(chunk, 0, chunk.length);
    progress.update(received.addAndGet(chunk.length), expectedBytes);
  }

  @Override
  public void onError(Throwable failure) {
    done.completeExceptionally(failure);
  }

  @Override
  public void onCompleted() {
    done.complete(null);
  }

  /** The sha256 of everything received; call once, after {@link #done} completed normally. */
  String sha256() {
    return Sha256Sidecar.hex(sha256);
  }

  /** Whether the stream ended with etcd's valid trailing hash; call once, after the end. */
  boolean etcdHashMatches() {
    return etcdHash.matches();
  }
}
