package io.etcdwarden.core.tls;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The TLS side of an {@link EtcdTarget}, loaded and checked once: the CA bundle (or the JVM's
 * default trust store when none is given), the client certificate chain and its private key,
 * verified to belong together, and the Netty {@link SslContext}s built from them on first use:
 * the one jetcd's {@code ClientBuilder.sslContext} takes and the snapshot stream's, each on the
 * provider {@link ClientTls} names (the JDK's TLS costs about 0.3 s to set up, which a snapshot
 * that only streams never pays). Every
 * failure is one {@link WardenException#badInput} line naming the file and the setting it came
 * from. An expired client certificate is not refused
 * here (the server decides); callers may look at {@link #clientCertificate()} to warn.
 */
public final class TlsMaterial {
  private final List<X509Certificate> caCertificates;
  private final List<X509Certificate> clientCertificateChain;
  private final Optional<PrivateKey> clientKey;
  private final EtcdTarget target;
  private final Map<SslProvider, SslContext> sslContexts = new EnumMap<>(SslProvider.class);

  private TlsMaterial(List<X509Certificate> caCertificates,
      List<X509Certificate> clientCertificateChain, Optional<PrivateKey> clientKey,
      EtcdTarget target) {
    this.caCertificates = caCertificates;
    this.clientCertificateChain = clientCertificateChain;
    this.clientKey = clientKey;
    this.target = target;
  }

  /** Reads the target's CA, certificate and key files (whichever are set) and checks them. */
  public static TlsMaterial load(EtcdTarget target) {
    List<X509Certificate> ca = target.caFile()
        .map(path -> PemContents.certificates(file("CA file", path, target, EtcdTarget.CACERT)))
        .orElse(List.of());
    List<X509Certificate> chain = List.of();
    Optional<PrivateKey> key = Optional.empty();
    if (target.certFile().isPresent() && target.keyFile().isPresent()) {
      PemFile certFile =
          file("client certificate", target.certFile().get(), target, EtcdTarget.CERT);
      PemFile keyFile = file("client key", target.keyFile().get(), target, EtcdTarget.KEY);
      chain = PemContents.certificates(certFile);
      key = Optional.of(PemContents.privateKey(keyFile));
      requireMatch(key.get(), chain.get(0), keyFile, certFile);
    }
    return new TlsMaterial(ca, chain, key, target);
  }

  /** The CA certificates from the CA file; empty when the JVM's default trust store is used. */
  public List<X509Certificate> caCertificates() {
    return caCertificates;
  }

  /** The client (leaf) certificate, when one is configured. */
  public Optional<X509Certificate> clientCertificate() {
    return clientCertificateChain.stream().findFirst();
  }

  /** The client certificate followed by any intermediates from the same file. */
  public List<X509Certificate> clientCertificateChain() {
    return clientCertificateChain;
  }

  /**
   * The client certificate's private key, checked against it, for callers that build a TLS
   * context of their own.
   */
  public Optional<PrivateKey> clientKey() {
    return clientKey;
  }

  /**
   * jetcd's client context for https endpoints, with ALPN h2 as gRPC requires, on the JDK's
   * TLS ({@link ClientTls#jetcd()}).
   */
  public SslContext sslContext() {
    return sslContext(ClientTls.jetcd());
  }

  /** A client context for https endpoints, with ALPN h2, on {@code provider}; one per provider. */
  public synchronized SslContext sslContext(SslProvider provider) {
    SslContext context = sslContexts.get(provider);
    if (context == null) {
      context = sslContext(caCertificates, clientCertificateChain, clientKey, target, provider);
      sslContexts.put(provider, context);
    }
    return context;
  }

  private static PemFile file(String role, Path path, EtcdTarget target, String field) {
    return new PemFile(role, path, target.originOf(field));
  }

  private static void requireMatch(
      PrivateKey key, X509Certificate certificate, PemFile keyFile, PemFile certFile) {
    boolean matches;
    try {
      matches = KeyMatch.matches(key, certificate);
    } catch (NoSuchAlgorithmException e) {
      throw keyFile.problem("is a " + key.getAlgorithm() + " key, which this JVM cannot use", e);
    }
    if (!matches) {
      throw keyFile.problem("does not match " + certFile.describe());
    }
  }

  private static SslContext sslContext(List<X509Certificate> ca, List<X509Certificate> chain,
      Optional<PrivateKey> key, EtcdTarget target, SslProvider provider) {
    // configure adds the ALPN "h2" and cipher settings gRPC needs for the given provider.
    SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), provider);
    if (!ca.isEmpty()) {
      builder.trustManager(ca.toArray(X509Certificate[]::new));
    }
    if (key.isPresent()) {
      // Netty holds the key in a throwaway key store; PKCS12 (the JDK's default type) protects
      // it with PBKDF2, ~50 ms of deliberate work per run, JKS with a cheap cipher.
      builder.keyStoreType("JKS").keyManager(key.get(), chain.toArray(X509Certificate[]::new));
    }
    try {
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw WardenException.badInput("cannot set up TLS with CA file "
          + target.caFile().map(Path::toString).orElse("(JVM default trust store)")
          + " and client certificate "
          + target.certFile().map(Path::toString).orElse("(none)") + ": " + e.getMessage(), e);
    }
  }
}
