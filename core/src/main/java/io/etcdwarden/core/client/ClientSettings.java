package io.etcdwarden.core.client;

import io.etcd.jetcd.ClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The jetcd 0.8.7 settings that make a client fail within about one timeout instead of hanging.
 * jetcd's defaults wait: {@code waitForReady(true)} parks every call until a connection is up,
 * the connect timeout is Netty's 30 s, calls carry no deadline, and failed calls are retried
 * with 0.5-2.5 s back-off. Here: calls fail at once when no connection can be made (gRPC
 * fail-fast), connecting is bounded by the timeout, unary calls get the timeout as deadline
 * ({@link UnaryDeadline}), and retries (jetcd retries only UNAVAILABLE) stop once the timeout has
 * passed. Failsafe checks delay &lt; max delay &lt; max duration when a call starts, not at
 * build time, so the numbers are kept consistent for any timeout.
 */
final class ClientSettings {
  /** Over several endpoints a retry can reach another member (e.g. after a leader change). */
  static final int CLUSTER_RETRIES = 2;
  /** One member: a retry would meet the same connection in the same state. */
  static final int MEMBER_RETRIES = 0;

  private static final long RETRY_DELAY_MS = 100;
  private static final long RETRY_MAX_DELAY_MS = 1_000;

  private ClientSettings() {}

  /** {@code dialTimeout} bounds connecting (TCP and TLS, {@link DialGate}), {@code timeout} each call. */
  static ClientBuilder apply(ClientBuilder builder, Duration timeout, Duration dialTimeout,
      int retries) {
    long timeoutMs = Math.max(1, Math.min(timeout.toMillis(), Integer.MAX_VALUE));
    long delayMs = Math.max(1, Math.min(RETRY_DELAY_MS, timeoutMs / 4));
    long maxDelayMs = Math.max(delayMs + 1, Math.min(RETRY_MAX_DELAY_MS, timeoutMs / 2));
    return builder
        .waitForReady(false)
        .connectTimeout(Duration.ofMillis(Math.max(1, Math.min(dialTimeout.toMillis(), timeoutMs))))
        .retryMaxAttempts(retries)
        .retryDelay(delayMs)
        .retryMaxDelay(maxDelayMs)
        .retryMaxDuration(Duration.ofMillis(Math.max(timeoutMs, delayMs + 1)))
        .interceptor(new UnaryDeadline(timeout), new DialGate(dialTimeout));
  }

  /**
   * The gRPC target for jetcd's "ip" name resolver. jetcd's own {@code endpoints(URI...)} writes
   * {@code ip:///[::1]:2379}, which gRPC refuses to parse (brackets are not allowed in a URI
   * path), so IPv6 endpoints would fail; percent-encoding the brackets makes a valid URI whose
   * decoded path jetcd's resolver reads as {@code [::1]:2379}.
   */
  static String ipTarget(List<URI> endpoints) {
    return "ip:///" + endpoints.stream()
        .map(e -> e.getHost().replace("[", "%5B").replace("]", "%5D") + ":" + e.getPort())
        .collect(Collectors.joining(","));
  }
}
