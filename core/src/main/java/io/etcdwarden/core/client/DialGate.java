package io.etcdwarden.core.client;

import io.grpc.Attributes;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientStreamTracer;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * etcdctl's dial timeout for jetcd: a call whose stream is not open within the dial timeout
 * (no TCP connection, or a server that accepts the connection but never finishes the TLS
 * handshake) is cancelled then, with a {@link DialTimeout} as its cause, instead of waiting for
 * the whole per-call deadline. Netty's connect timeout alone bounds only the TCP connect. A
 * call is connected once gRPC creates its stream on a transport, which it does only on a
 * connection whose TLS handshake is done (a stream tracer sees that); from then on only the
 * per-call deadline ({@link UnaryDeadline}) counts, so a slow request on a good connection (a
 * long defrag, a lock that waits) is never cut short. gRPC's "ready to send" does not serve for
 * this: a unary call half-closes at once and is never told it is ready.
 */
final class DialGate implements ClientInterceptor {
  // A thread of its own: with CompletableFuture's delayed executor (the common ForkJoin pool, one
  // worker on 2 cores) a member list with one member down took 5 s (HealthThreeMembersIT).
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "etcd-warden-dial-timeout");
        t.setDaemon(true);
        return t;
      });
  private final Duration dialTimeout;
  private final Executor timer;

  DialGate(Duration dialTimeout) {
    this.dialTimeout = dialTimeout;
    this.timer = task -> TIMER.schedule(task, dialTimeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The cause a call carries when it was cancelled for not connecting in time. */
  static final class DialTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DialTimeout(Duration dialTimeout) {
      super("no connection within the dial timeout of " + dialTimeout.toMillis() + " ms",
          null, false, false);
    }
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
    AtomicBoolean open = new AtomicBoolean();
    ClientStreamTracer.Factory connected = new ClientStreamTracer.Factory() {
      @Override
      public ClientStreamTracer newClientStreamTracer(ClientStreamTracer.StreamInfo info,
          Metadata headers) {
        return new ClientStreamTracer() {
          @Override
          public void streamCreated(Attributes transportAttributes, Metadata sent) {
            open.set(true);
          }
        };
      }
    };
    return new SimpleForwardingClientCall<>(
        next.newCall(method, callOptions.withStreamTracerFactory(connected))) {
      @Override
      public void start(Listener<RespT> listener, Metadata headers) {
        ClientCall<ReqT, RespT> call = this;
        super.start(new SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onReady() {
            open.set(true);
            super.onReady();
          }

          @Override
          public void onHeaders(Metadata received) {
            open.set(true);
            super.onHeaders(received);
          }

          @Override
          public void onClose(Status status, Metadata trailers) {
            open.set(true);
            super.onClose(status, trailers);
          }
        }, headers);
        timer.execute(() -> {
          if (open.compareAndSet(false, true)) {
            call.cancel("dial timeout", new DialTimeout(dialTimeout));
          }
        });
      }
    };
  }
}
