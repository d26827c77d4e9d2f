package io.etcdwarden.core.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * Which TLS implementation etcd-warden's gRPC channels run on, both on the one Netty in the jar.
 * The snapshot stream takes BoringSSL (netty-tcnative, native code bundled for Linux x86_64 and
 * aarch64) wherever it loads ({@link #stream()}): the JDK decrypted etcd's stream at ~70 MB/s
 * here, slower than etcd sends it. jetcd's clients stay on the JDK's TLS ({@link #jetcd()}),
 * which Netty would otherwise swap for BoringSSL as soon as it is on the class path: measured
 * (issue 18), BoringSSL for jetcd too saved the daemon no memory worth having (121 vs 123 MiB,
 * within run-to-run noise; Netty loads ~440 of the JDK's ~460 TLS classes either way, for its
 * cipher lists and the trust and key managers) and made the cold Nagios check no faster.
 */
public final class ClientTls {
  private ClientTls() {}

  /** jetcd's provider: the JDK's. */
  public static SslProvider jetcd() {
    return SslProvider.JDK;
  }

  /** The snapshot stream's provider: BoringSSL, or the JDK's where it does not load. */
  public static SslProvider stream() {
    return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
  }
}
