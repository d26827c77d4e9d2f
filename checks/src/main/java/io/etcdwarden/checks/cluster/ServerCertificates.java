package io.etcdwarden.checks.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the certificate a member's client port presents, only to see when it expires: the
 * handshake records the chain and trusts nothing (the status calls did the verifying). The
 * server may then refuse us for want of a client certificate; the chain was seen by then.
 */
final class ServerCertificates {
  private ServerCertificates() {}

  /** The server certificate of an https {@code endpoint}, or none when it cannot be reached. */
  static List<X509Certificate> presentedBy(URI endpoint, Duration timeout) {
    Recorder recorder = new Recorder();
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {recorder}, null);
      try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), millis);
        socket.setSoTimeout(millis);
        socket.startHandshake();
      }
    } catch (IOException | GeneralSecurityException refusedOrDown) {
      // Down members are reported by the survey; a refusal after the server's Certificate
      // message still leaves the chain recorded.
    }
    return recorder.chain.isEmpty() ? List.of() : List.of(recorder.chain.get(0));
  }

  /** Trusts nothing it is asked about, and remembers what the server showed. */
  private static final class Recorder implements X509TrustManager {
    private final List<X509Certificate> chain = new CopyOnWriteArrayList<>();

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) {
      chain.addAll(List.of(presented));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) {
      throw new UnsupportedOperationException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
