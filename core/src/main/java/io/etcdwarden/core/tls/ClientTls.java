package io.etcdwarden.core.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * Which TLS implementation etcd-warden's gRPC clients run on: BoringSSL (netty-tcnative, native
 * code bundled in the jar for Linux x86_64 and aarch64) or the JDK's own. The snapshot stream
 * always takes BoringSSL where it loads ({@link #stream()}): the JDK decrypted etcd's stream at
 * ~70 MB/s here, slower than etcd sends it. jetcd's clients take the JDK's unless the system
 * property {@value #PROPERTY} says {@code openssl} ({@link #provider()}).
 */
public final class ClientTls {
  /** The system property that picks jetcd's provider: {@code jdk} (default) or {@code openssl}. */
  public static final String PROPERTY = "etcd_warden.tls";

  private ClientTls() {}

  /** jetcd's provider in this JVM. */
  public static SslProvider provider() {
    return "openssl".equals(System.getProperty(PROPERTY)) ? stream() : SslProvider.JDK;
  }

  /** The snapshot stream's provider: BoringSSL, or the JDK's where it does not load. */
  public static SslProvider stream() {
    return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
  }
}
