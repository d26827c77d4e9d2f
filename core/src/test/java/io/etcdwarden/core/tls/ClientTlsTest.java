package io.etcdwarden.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TestCertificates.Issued;
import io.etcdwarden.core.tls.TestCertificates.KeyFormat;
import io.etcdwarden.core.tls.TestCertificates.KeyType;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two TLS stacks on the one Netty: BoringSSL loads from the jar's native library (this build
 * machine is Linux x86_64) and carries the snapshot stream, jetcd's clients stay on the JDK's
 * TLS; both contexts offer gRPC's ALPN "h2" and take every key type a target may hold.
 */
class ClientTlsTest {
  @TempDir Path dir;

  @Test
  void boringSslLoadsFromTheClassPath() {
    assertThat(OpenSsl.isAvailable()).as("BoringSSL: %s", OpenSsl.unavailabilityCause()).isTrue();
    assertThat(ClientTls.stream()).isEqualTo(SslProvider.OPENSSL);
  }

  @Test
  void jetcdRunsOnTheJdkAndTheStreamOnBoringSsl() {
    TlsMaterial tls = TlsMaterial.load(target(null, null, null));

    assertClient(tls.sslContext(), JdkSslContext.class);
    assertClient(tls.sslContext(ClientTls.stream()), OpenSslContext.class);
    assertThat(tls.sslContext(ClientTls.stream())).isSameAs(tls.sslContext(SslProvider.OPENSSL));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void bothStacksTakeTheClientKey(KeyType type) {
    Issued ca = TestCertificates.ca("etcd-ca");
    Issued client = TestCertificates.client(ca, type);
    TlsMaterial tls = TlsMaterial.load(target(
        TestCertificates.writeCertificates(dir.resolve("ca.crt"), ca.certificate()),
        TestCertificates.writeCertificates(dir.resolve("client.crt"), client.certificate()),
        TestCertificates.writeKey(dir.resolve("client.key"), client.keys(), KeyFormat.PKCS8)));

    assertClient(tls.sslContext(), JdkSslContext.class);
    assertClient(tls.sslContext(SslProvider.OPENSSL), OpenSslContext.class);
  }

  private static void assertClient(SslContext context, Class<?> stack) {
    assertThat(context).isInstanceOf(stack);
    assertThat(context.isClient()).isTrue();
    assertThat(context.applicationProtocolNegotiator().protocols()).containsExactly("h2");
  }

  private static EtcdTarget target(Path caFile, Path certFile, Path keyFile) {
    return new EtcdTarget(List.of(URI.create("https://127.0.0.1:2379")),
        Optional.ofNullable(caFile), Optional.ofNullable(certFile), Optional.ofNullable(keyFile),
        Duration.ofSeconds(5), Map.of());
  }
}
