package io.etcdwarden.storage;

import io.etcdwarden.core.WardenException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The network half of turning a provider's failure into one operator line: whatever the SDK
 * wraps it in, a timeout, a refused connection, an unknown host or a TLS failure somewhere in
 * the cause chain says what happened and what to check, with no SDK text. The provider
 * packages add their own service errors (credentials, buckets) and keep the SDK's exception as
 * the cause, which the CLI prints only under {@code ETCD_WARDEN_DEBUG}.
 */
public final class StoreFailures {
  private StoreFailures() {}

  /**
   * The line for a network failure in {@code failure}'s cause chain, if there is one:
   * {@code what} is the operation and place ("cannot list s3://b/p/"), {@code server} the
   * address the client talks to, {@code bounds} what the call was allowed.
   */
  public static Optional<WardenException> network(Throwable failure, String what, String server,
      StoreCallBounds bounds) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String line = null;
      if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains(
          "Timeout")) {
        line = server + " did not answer (" + bounds.attempts() + " attempts, each allowed "
            + seconds(bounds.connect()) + " to connect and " + seconds(bounds.read())
            + " of silence): check the store's address and that it is up";
      } else if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        line = "cannot connect to " + server + ": check the store's address and that it is up";
      } else if (t instanceof UnknownHostException) {
        line = "unknown host in " + server + ": check the store's address and DNS";
      } else if (t instanceof SSLException) {
        line = "TLS with " + server + " failed: check the store's address and its certificate";
      }
      if (line != null) {
        return Optional.of(WardenException.retryable(what + ": " + line, failure));
      }
    }
    return Optional.empty();
  }

  private static String seconds(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }
}
