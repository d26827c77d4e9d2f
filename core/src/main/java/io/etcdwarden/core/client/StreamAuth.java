package io.etcdwarden.core.client;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthenticateRequest;
import io.etcdwarden.core.auth.EtcdCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Authenticates a {@link MemberStreamChannel} as an etcd user: before the first call, one
 * {@code Authenticate} on the same channel trades the user and password for etcd's token, which
 * every later call then carries in the {@code token} header, as etcdctl does. The token is asked
 * for once per channel (a snapshot channel lives for one snapshot, far below etcd's token TTL).
 * A refused password surfaces as the failure of the call that needed it, which {@link
 * FailureExplainer} words with the user's name; the password is never part of any message.
 */
final class StreamAuth implements ClientInterceptor {
  private static final Metadata.Key<String> TOKEN =
      Metadata.Key.of("token", Metadata.ASCII_STRING_MARSHALLER);

  private final EtcdCredentials credentials;
  private final Duration timeout;
  private String token; // guarded by this

  StreamAuth(EtcdCredentials credentials, Duration timeout) {
    this.credentials = credentials;
    this.timeout = timeout;
  }

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method,
      CallOptions options, Channel next) {
    if (method.getServiceName() != null && method.getServiceName().equals(AuthGrpc.SERVICE_NAME)) {
      return next.newCall(method, options);
    }
    String header = token(next);
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<A> listener, Metadata headers) {
        headers.put(TOKEN, header);
        super.start(listener, headers);
      }
    };
  }

  private synchronized String token(Channel channel) {
    if (token == null) {
      token = AuthGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .authenticate(AuthenticateRequest.newBuilder()
              .setName(credentials.user())
              .setPasswordBytes(ByteString.copyFrom(credentials.passwordBytes()))
              .build())
          .getToken();
    }
    return token;
  }
}
