package io.etcdwarden.core.client;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.ClientCertificateCheck;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Turns a failed jetcd call into one line the operator can act on, prefixed with the endpoint.
 * The rules follow what jetcd 0.8.7 over grpc-netty actually reports, checked against etcd 3.4:
 * refused connections and timeouts are retryable; TLS and protocol mismatches are not, and name
 * the file or setting to look at. Anything unrecognised falls back to the gRPC status code and
 * the first line of its description.
 */
final class FailureExplainer {
  private static final Pattern HTTP_STATUS = Pattern.compile("HTTP status code (\\d+)");

  private FailureExplainer() {}

  /**
   * {@code connected}: the connection had answered before (its handshake succeeded), so a
   * closed or reset connection means the server went away, and TLS is not to blame.
   */
  static WardenException explain(Throwable failure, URI endpoint, EtcdTarget target,
      boolean connected) {
    if (failure instanceof WardenException already) {
      return already;
    }
    String where = (endpoint != null ? endpoint.toString()
        : target.endpoints().stream().map(URI::toString).collect(Collectors.joining(","))) + ": ";
    FailureChain chain = new FailureChain(failure);
    if (connected && !definitelyTls(chain) && (chain.mentions("Network closed for unknown reason")
        || chain.mentions("Connection reset") || chain.find(SSLException.class).isPresent()
        || chain.find(ClosedChannelException.class).isPresent())) {
      return WardenException.retryable(where + "the connection closed in mid-call, after the"
          + " member had answered on it (did etcd stop, restart or crash there? see its log)",
          failure);
    }
    Optional<String> auth = AuthFailures.explain(chain, target);
    if (auth.isPresent()) {
      return new WardenException(where + auth.get(), failure);
    }
    Optional<String> tls = TlsFailures.explain(chain, target);
    if (tls.isPresent()) {
      return new WardenException(where + "TLS handshake failed: " + tls.get(), failure);
    }
    if (chain.find(DialGate.DialTimeout.class).isPresent()) {
      return WardenException.retryable(where + "no connection within the dial timeout of "
          + Durations.format(target.dialTimeout()) + " (connect and TLS handshake; from "
          + target.origins().getOrDefault(EtcdTarget.DIAL_TIMEOUT,
              "the command timeout, " + target.originOf(EtcdTarget.TIMEOUT)) + ")", failure);
    }
    String origin = target.originOf(EtcdTarget.TIMEOUT);
    String timeout = "no answer within " + Durations.format(target.timeout())
        + (origin.equals(EtcdTarget.DEFAULT_ORIGIN) ? "" : " (" + origin + ")");
    if (chain.find(ConnectTimeoutException.class).isPresent()) {
      return WardenException.retryable(where + timeout + " (connecting timed out)", failure);
    }
    // Vert.x's gRPC client reports a call its deadline cancelled as "call was cancelled" when
    // the deadline passes before the call got a stream (seen with timeouts of a few ms on a
    // loaded host): a timeout too, not a failure of its own.
    if (chain.find(TimeoutException.class).isPresent()
        || "DEADLINE_EXCEEDED".equals(chain.code()) || chain.mentions("call was cancelled")) {
      return WardenException.retryable(where + timeout, failure);
    }
    if (chain.find(ConnectException.class).filter(FailureExplainer::mentionsRefused).isPresent()) {
      return WardenException.retryable(
          where + "connection refused (is etcd running there?)", failure);
    }
    if (chain.find(NoRouteToHostException.class).isPresent()) {
      return WardenException.retryable(where + "no route to host", failure);
    }
    if (chain.find(UnknownHostException.class).isPresent()) {
      return WardenException.retryable(where + "unknown host (check the endpoint's name and DNS)",
          failure);
    }
    if (chain.mentions("Network closed for unknown reason")) {
      return new WardenException(where + closedHint(endpoint, target), failure);
    }
    Matcher http = HTTP_STATUS.matcher(String.valueOf(chain.description()));
    if ("UNIMPLEMENTED".equals(chain.code()) && http.find()) {
      return new WardenException(where + "answered with plain HTTP status " + http.group(1)
          + ", not etcd's gRPC (is this an etcd client URL?)", failure);
    }
    return fallback(where, chain, failure);
  }

  /** A certificate the JDK refused or an alert the server sent: TLS, whenever it happened. */
  private static boolean definitelyTls(FailureChain chain) {
    return chain.find(CertificateException.class).isPresent()
        || chain.mentions("Received fatal alert") || chain.mentions("PKIX");
  }

  /** What the server's closing the connection without a word most likely means. */
  private static String closedHint(URI endpoint, EtcdTarget target) {
    boolean https = endpoint != null ? "https".equals(endpoint.getScheme()) : target.usesTls();
    if (!https) {
      return "the server closed the connection (does it serve https? then use https://HOST:PORT"
          + " and give its CA)";
    }
    if (target.hasClientCertificate()) {
      return "TLS handshake failed: the server closed the connection right after the handshake:"
          + " it probably rejected our client certificate " + target.certFile().get() + " (from "
          + target.originOf(EtcdTarget.CERT) + "): "
          + ClientCertificateCheck.likelyCause(target, Instant.now());
    }
    return "TLS handshake failed: the server closed the connection right after the handshake"
        + " (does it want a client certificate? set --cert and --key)";
  }

  private static WardenException fallback(String where, FailureChain chain, Throwable failure) {
    if (chain.code() == null) {
      Throwable root = chain.all().get(chain.all().size() - 1);
      String message = FailureChain.firstLine(root.getMessage());
      return new WardenException(where + root.getClass().getSimpleName()
          + (message == null ? "" : ": " + message), failure);
    }
    String text = where + chain.code()
        + (chain.description() == null ? "" : ": " + chain.description());
    boolean transientCode = switch (chain.code()) {
      case "UNAVAILABLE", "RESOURCE_EXHAUSTED", "ABORTED" -> true;
      default -> false;
    };
    return transientCode ? WardenException.retryable(text, failure)
        : new WardenException(text, failure);
  }

  private static boolean mentionsRefused(Throwable e) {
    return e.getMessage() != null && e.getMessage().contains("Connection refused");
  }
}
