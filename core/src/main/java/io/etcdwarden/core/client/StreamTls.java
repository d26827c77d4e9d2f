package io.etcdwarden.core.client;

import io.etcdwarden.core.tls.ClientTls;
import io.etcdwarden.core.tls.TlsMaterial;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;

/**
 * The TLS context of a {@link MemberStreamChannel}: the target's files on BoringSSL
 * ({@link ClientTls#stream()}), whose AES-GCM is native and not the bottleneck; the JDK's own
 * TLS decrypted etcd's stream at ~70 MB/s here (GHASH in Java until C2 gets to it), slower than
 * etcd sends it.
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

  static SslContext context(TlsMaterial tls) {
    return tls.sslContext(ClientTls.stream());
  }
}
