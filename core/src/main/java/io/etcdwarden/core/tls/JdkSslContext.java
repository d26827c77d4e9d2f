package io.etcdwarden.core.tls;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's {@link SSLContext} for a target's TLS files (its CA bundle as the only trust, its
 * client certificate and key when present), for the plain HTTPS calls etcd answers besides gRPC:
 * {@code /version} on a client URL, {@code /members} on a peer URL.
 */
public final class JdkSslContext {
  private JdkSslContext() {}

  /** A context trusting {@code tls}'s CAs (the JDK's when none) and presenting its client key. */
  public static SSLContext of(TlsMaterial tls, String purpose) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      List<X509Certificate> cas = tls.caCertificates();
      for (int i = 0; i < cas.size(); i++) {
        trust.setCertificateEntry("ca" + i, cas.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(cas.isEmpty() ? null : trust);
      KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
      keys.load(null, null);
      char[] none = new char[0];
      if (tls.clientKey().isPresent()) {
        keys.setKeyEntry("client", tls.clientKey().get(), none,
            tls.clientCertificateChain().toArray(X509Certificate[]::new));
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, none);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new WardenException("cannot set up TLS for " + purpose + ": " + e.getMessage(), e);
    }
  }
}
