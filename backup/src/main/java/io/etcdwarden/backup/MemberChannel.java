package io.etcdwarden.backup;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.MemberListRequest;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.StatusRequest;
import io.etcd.jetcd.api.StatusResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TlsMaterial;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * A plain grpc-java channel to one etcd member for what a snapshot needs: its status, the member
 * list and the snapshot stream, through etcd's generated stubs. The snapshot path does not go
 * through jetcd's client: jetcd hands stream messages over Vert.x callbacks without back-pressure
 * and costs a Vert.x start-up, while a channel of our own runs the stubs' callbacks on the Netty
 * thread ({@code directExecutor}) and lets {@link SnapshotStream} pace etcd through gRPC flow
 * control. It is gRPC's shaded Netty (from the GCS client's dependencies), whose BoringSSL and
 * epoll transport are native. Unary calls carry the target's timeout as their deadline.
 *
 * <p>The channel runs on an event loop of its own, stopped on {@link #close()}: gRPC's shared
 * loop outlives its channels by a second, and a JVM exiting while a thread waits in native
 * {@code epoll_wait} waits 300 ms for it (HotSpot's exit waits for threads in native code), which
 * every snapshot command paid at exit.
 */
final class MemberChannel implements AutoCloseable {
  /** etcd sends 32 KiB chunks; a little headroom, far below a whole database. */
  private static final int MAX_MESSAGE_BYTES = 4 << 20;

  private final URI url;
  private final EtcdTarget target;
  private final ManagedChannel channel;
  private final EventLoopGroup loop;
  /** Set once a call succeeded: the TLS handshake went through, later drops are not TLS. */
  private volatile boolean answered;

  private MemberChannel(URI url, EtcdTarget target, ManagedChannel channel, EventLoopGroup loop) {
    this.url = url;
    this.target = target;
    this.channel = channel;
    this.loop = loop;
  }

  /**
   * Loads BoringSSL and Netty's OpenSSL support, which the first TLS context otherwise does (it
   * also sets up the JDK's TLS once to compare: ~0.1 s); see {@link SnapshotArchiver#prepare()}.
   */
  static void prepareTls() {
    OpenSsl.isAvailable();
  }

  /** Opens a channel to {@code url}; TLS (from the target's files) when it is https. */
  static MemberChannel open(URI url, EtcdTarget target, Supplier<TlsMaterial> tls) {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(url.getHost(), url.getPort())
        .eventLoopGroup(loop)
        .channelType(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .directExecutor()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS,
            (int) Math.min(Integer.MAX_VALUE, target.timeout().toMillis()));
    try {
      if ("https".equals(url.getScheme())) {
        builder.sslContext(sslContext(tls.get(), target));
      } else {
        builder.usePlaintext();
      }
      return new MemberChannel(url, target, builder.build(), loop);
    } catch (RuntimeException e) {
      loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  /**
   * A TLS context from the target's files for gRPC's shaded Netty, which carries BoringSSL: the
   * JDK's own TLS decrypted etcd's stream at ~70 MB/s here (GHASH in Java until C2 gets to it),
   * slower than etcd sends it; BoringSSL's AES-GCM is native and not the bottleneck.
   */
  private static SslContext sslContext(TlsMaterial tls, EtcdTarget target) {
    SslContextBuilder builder = GrpcSslContexts.forClient();
    if (!tls.caCertificates().isEmpty()) {
      builder.trustManager(tls.caCertificates().toArray(X509Certificate[]::new));
    }
    if (tls.clientKey().isPresent()) {
      // Netty holds the key in a throwaway key store; PKCS12 (the JDK's default type) protects
      // it with PBKDF2, ~50 ms of deliberate work per run, JKS with a cheap cipher.
      builder.keyStoreType("JKS").keyManager(tls.clientKey().get(),
          tls.clientCertificateChain().toArray(X509Certificate[]::new));
    }
    try {
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw WardenException.badInput("cannot set up TLS for " + target.endpoints() + ": "
          + e.getMessage(), e);
    }
  }

  URI url() {
    return url;
  }

  ManagedChannel channel() {
    return channel;
  }

  StatusResponse status() {
    return unary(() -> MaintenanceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(target.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .status(StatusRequest.getDefaultInstance()));
  }

  MemberListResponse members() {
    return unary(() -> ClusterGrpc.newBlockingStub(channel)
        .withDeadlineAfter(target.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .memberList(MemberListRequest.getDefaultInstance()));
  }

  /**
   * The number of keys at {@code revision}: a count-only range over the whole key space, which
   * etcd answers from its index without sending keys. A historical read, so writes that land
   * while the snapshot streams do not change it; serializable, so the member answers from its
   * own store (the revision is its own) as the snapshot does, without a quorum round.
   */
  long keyCount(long revision) {
    ByteString all = ByteString.copyFrom(new byte[] {0});
    return unary(() -> KVGrpc.newBlockingStub(channel)
        .withDeadlineAfter(target.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .range(RangeRequest.newBuilder().setKey(all).setRangeEnd(all).setCountOnly(true)
            .setSerializable(true).setRevision(revision).build())).getCount();
  }

  private <T> T unary(Supplier<T> call) {
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
  WardenException explain(Throwable failure) {
    return answered ? EtcdClients.explainAfterAnswers(failure, url, target)
        : EtcdClients.explain(failure, url, target);
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
