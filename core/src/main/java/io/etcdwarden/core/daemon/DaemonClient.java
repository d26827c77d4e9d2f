package io.etcdwarden.core.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The one HTTP client of the local daemon's endpoint, for {@code status} and for the plugin's
 * warm path: a GET on loopback with the caller's connect and read timeouts (the warm path has
 * milliseconds, {@code status} seconds), no caching, and a bounded body. A 503 is the daemon
 * saying "nothing yet" and comes back empty; any other answer but 200 is an {@link IOException},
 * as is a daemon that is not there.
 */
public final class DaemonClient {
  private final URI base;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /** {@code base} like {@code http://127.0.0.1:2389} ({@link DaemonAddress#parse}). */
  public DaemonClient(URI base, Duration connectTimeout, Duration readTimeout) {
    this.base = base;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /** {@code host:port}, as messages name the daemon. */
  public String hostPort() {
    return base.getHost() + ":" + base.getPort();
  }

  /** The body of {@code GET path} (at most {@code maxBytes}); empty when the daemon says 503. */
  public Optional<byte[]> get(String path, int maxBytes) throws IOException {
    HttpURLConnection http = (HttpURLConnection) base.resolve(path).toURL().openConnection();
    http.setConnectTimeout(millis(connectTimeout));
    http.setReadTimeout(millis(readTimeout));
    http.setUseCaches(false);
    try {
      int code = http.getResponseCode();
      if (code == HttpURLConnection.HTTP_UNAVAILABLE) {
        return Optional.empty();
      }
      if (code != HttpURLConnection.HTTP_OK) {
        throw new IOException("HTTP " + code);
      }
      try (InputStream in = http.getInputStream()) {
        return Optional.of(in.readNBytes(maxBytes));
      }
    } finally {
      http.disconnect();
    }
  }

  /** 0 would mean "no timeout" to HttpURLConnection: never that. */
  private static int millis(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
  }
}
