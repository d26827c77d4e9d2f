package io.etcdwarden.backup;

import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.SnapshotRequest;
import io.etcd.jetcd.api.SnapshotResponse;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * etcd's snapshot stream, pulled one message at a time by one reader thread with bounded memory.
 * gRPC delivers messages on its Netty thread into a queue of {@value #QUEUE_MESSAGES} messages
 * (etcd sends 32 KiB each, so about 2 MiB); messages are requested from gRPC only as the reader
 * frees room, so a slow compressor or store holds etcd back through gRPC flow control instead of
 * filling memory. Closing before the end cancels the call.
 */
final class SnapshotStream implements DbCopier.Messages, AutoCloseable {
  static final int QUEUE_MESSAGES = 64;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_MESSAGES + 2);
  private volatile ClientCallStreamObserver<SnapshotRequest> call;
  private boolean ended;

  private SnapshotStream() {}

  /** Starts streaming a snapshot from the member at the other end of {@code channel}. */
  static SnapshotStream start(ManagedChannel channel) {
    SnapshotStream stream = new SnapshotStream();
    MaintenanceGrpc.newStub(channel).snapshot(SnapshotRequest.getDefaultInstance(),
        stream.new Receiver());
    return stream;
  }

  /**
   * The next message, or null once the stream has ended cleanly. Throws the call's failure, or a
   * {@link TimeoutException} when nothing arrived for {@code idle}.
   */
  @Override
  public SnapshotResponse next(Duration idle) throws Throwable {
    if (ended) {
      return null;
    }
    Object item = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
    if (item == null) {
      throw new TimeoutException("no data for " + idle.toMillis() + " ms");
    }
    if (item == END) {
      ended = true;
      return null;
    }
    if (item instanceof Throwable failure) {
      ended = true;
      throw failure;
    }
    call.request(1);
    return (SnapshotResponse) item;
  }

  @Override
  public void close() {
    if (!ended && call != null) {
      call.cancel("snapshot abandoned", null);
    }
  }

  /** Runs on gRPC's thread: only enqueues; the queue always has room for what was requested. */
  private final class Receiver
      implements ClientResponseObserver<SnapshotRequest, SnapshotResponse> {
    @Override
    public void beforeStart(ClientCallStreamObserver<SnapshotRequest> requestStream) {
      call = requestStream;
      requestStream.disableAutoRequestWithInitial(QUEUE_MESSAGES);
    }

    @Override
    public void onNext(SnapshotResponse response) {
      queue.add(response);
    }

    @Override
    public void onError(Throwable failure) {
      queue.offer(failure);
    }

    @Override
    public void onCompleted() {
      queue.offer(END);
    }
  }
}
