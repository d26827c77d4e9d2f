package io.etcdwarden.core.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * What a TLS server shows in one handshake: the leaf certificate it serves and the CAs it says it
 * accepts client certificates from (the certificate_authorities of its certificate request; etcd
 * lists the subjects of its {@code trusted-ca-file}). The handshake only looks, it verifies
 * nothing and offers no client certificate, so a server requiring one refuses us after both were
 * seen. Read on every call, so a renewed certificate shows as soon as the server serves it.
 */
public record ServedCertificate(X509Certificate leaf, List<String> trustedCas) {
  public ServedCertificate {
    trustedCas = List.copyOf(trustedCas);
  }

  /** What the https {@code endpoint} serves, or empty when no certificate could be seen. */
  public static Optional<ServedCertificate> fetch(URI endpoint, Duration timeout) {
    Recorder recorder = new Recorder();
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(new KeyManager[] {recorder}, new TrustManager[] {recorder}, null);
      try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), millis);
        socket.setSoTimeout(millis);
        socket.startHandshake();
      }
    } catch (IOException | GeneralSecurityException refusedOrDown) {
      // A refusal after the server's certificate request still leaves both recorded.
    }
    return recorder.chain.isEmpty() ? Optional.empty()
        : Optional.of(new ServedCertificate(recorder.chain.get(0), recorder.issuers));
  }

  /** Accepts whatever the server shows, remembers it, and offers no client certificate. */
  private static final class Recorder extends X509ExtendedKeyManager
      implements X509TrustManager {
    private final List<X509Certificate> chain = new CopyOnWriteArrayList<>();
    private final List<String> issuers = new CopyOnWriteArrayList<>();

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

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] accepted, Socket socket) {
      record(accepted);
      return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] accepted, SSLEngine e) {
      record(accepted);
      return null;
    }

    private void record(Principal[] accepted) {
      if (accepted != null && issuers.isEmpty()) {
        for (Principal p : accepted) {
          issuers.add(p.getName());
        }
      }
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return null;
    }
  }
}
