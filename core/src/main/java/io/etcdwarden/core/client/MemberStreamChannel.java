package io.etcdwarden.core.client;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TlsMaterial;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A plain grpc-java channel to exactly one etcd member, for calls that stream a lot of data (the
 * snapshot), handed out by {@link EtcdClients#memberStream(URI)}; the caller closes it. jetcd's
 * client hands stream messages over Vert.x callbacks without back-pressure and costs a Vert.x
 * start-up; this channel runs the stubs' callbacks on the Netty thread ({@code directExecutor})
 * so a reader can pace etcd through gRPC flow control. It runs on the gRPC and Netty jetcd uses,
 * with BoringSSL ({@link StreamTls}) and the epoll transport, both native. Unary calls made
 * through {@link #unary} carry the target's timeout as their deadline ({@link #withDeadline}) and
 * fail with one line, as jetcd failures do ({@link #explain}). With an etcd user in the target,
 * calls carry its token ({@link StreamAuth}).
 *
 * <p>The channel runs on an event loop of its own, stopped on {@link #close()}: gRPC's shared
 * loop outlives its channels by a second, and a JVM exiting while a thread waits in native
 * {@code epoll_wait} waits 300 ms for it (HotSpot's exit waits for threads in native code), which
 * every snapshot command paid at exit.
 */
public final class MemberStreamChannel implements AutoCloseable {
  /** etcd sends 32 KiB chunks; a little headroom, far below a whole database. */
  private static final int MAX_MESSAGE_BYTES = 4 << 20;

  private final URI url;
  private final EtcdTarget target;
  private final ManagedChannel channel;
  private final EventLoopGroup loop;
  /** Set once a call succeeded: the TLS handshake went through, later drops are not TLS. */
  private volatile boolean answered;

  private MemberStreamChannel(URI url, EtcdTarget target, ManagedChannel channel,
      EventLoopGroup loop) {
    this.url = url;
    this.target = target;
    this.channel = channel;
    this.loop = loop;
  }

  /** Opens a channel to {@code url}; TLS (from the target's files) when it is https. */
  static MemberStreamChannel open(URI url, EtcdTarget target, Supplier<TlsMaterial> tls) {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(url.getHost(), url.getPort())
        .eventLoopGroup(loop)
        .channelType(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .directExecutor()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS,
            (int) Math.min(Integer.MAX_VALUE, target.dialTimeout().toMillis()))
        .intercept(new DialGate(target.dialTimeout()));
    target.credentials().ifPresent(c -> builder.intercept(new StreamAuth(c, target.timeout())));
    try {
      if ("https".equals(url.getScheme())) {
        builder.sslContext(StreamTls.context(tls.get()));
      } else {
        builder.usePlaintext();
      }
      return new MemberStreamChannel(url, target, builder.build(), loop);
    } catch (RuntimeException e) {
      loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  public URI url() {
    return url;
  }

  /** The channel itself, for generated etcd stubs. */
  public ManagedChannel channel() {
    return channel;
  }

  /** {@code stub} with the target's timeout as the deadline of its next call. */
  public <S extends AbstractStub<S>> S withDeadline(S stub) {
    return stub.withDeadlineAfter(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs one unary call on this channel; a failure becomes {@link #explain}'s one line. */
  public <T> T unary(Supplier<T> call) {
    try {
      T answer = call.get();
      answered = true;
      return answer;
    } catch (StatusRuntimeException e) {
      throw explain(e);
    }
  }

  /**
   * Explains a failure of a call on this channel in one line, as jetcd failures are; once the
   * member has answered here, a closed connection is the member going away, not a TLS refusal.
   */
  public WardenException explain(Throwable failure) {
    return FailureExplainer.explain(failure, url, target, answered);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
      loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
