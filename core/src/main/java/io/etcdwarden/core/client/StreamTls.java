package io.etcdwarden.core.client;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TlsMaterial;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/**
 * The TLS context of a {@link MemberStreamChannel}: the target's files for gRPC's shaded Netty,
 * which carries BoringSSL. The JDK's own TLS decrypted etcd's stream at ~70 MB/s here (GHASH in
 * Java until C2 gets to it), slower than etcd sends it; BoringSSL's AES-GCM is native and not
 * the bottleneck.
 */
final class StreamTls {
  private StreamTls() {}

  /**
   * Loads BoringSSL and Netty's OpenSSL support, which the first context otherwise does (it also
   * sets up the JDK's TLS once to compare: ~0.1 s); see {@link ShortLivedProcess}.
   */
  static void load() {
    OpenSsl.isAvailable();
  }

  static SslContext context(TlsMaterial tls, EtcdTarget target) {
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
}
