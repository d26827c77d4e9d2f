package io.etcdwarden.core.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every unary etcd call that has no deadline of its own the target's timeout. jetcd sets
 * no deadlines, so a member that accepts the TCP connection but never answers (stopped process,
 * dropped packets after connect, a lost quorum) would otherwise hang a check forever. Streaming
 * calls (snapshot, watch, lease keep-alive) are left alone: they legitimately run for longer
 * than one call's timeout.
 */
final class UnaryDeadline implements ClientInterceptor {
  private final long nanos;

  UnaryDeadline(Duration timeout) {
    this.nanos = timeout.toNanos();
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
    boolean unary = method.getType() == MethodDescriptor.MethodType.UNARY;
    CallOptions options = unary && callOptions.getDeadline() == null
        ? callOptions.withDeadlineAfter(nanos, TimeUnit.NANOSECONDS)
        : callOptions;
    return next.newCall(method, options);
  }
}
