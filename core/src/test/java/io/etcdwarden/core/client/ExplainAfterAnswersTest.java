package io.etcdwarden.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * A connection that had already answered and then closes (the member was killed in mid-stream)
 * is the member going away, not a rejected client certificate; a certificate the JDK refused is
 * still TLS.
 */
class ExplainAfterAnswersTest {
  private static final URI ENDPOINT = URI.create("https://127.0.0.1:2379");
  private final EtcdTarget target = new EtcdTarget(List.of(ENDPOINT),
      Optional.of(Path.of("/etc/etcd/ca.crt")), Optional.of(Path.of("/etc/etcd/client.crt")),
      Optional.of(Path.of("/etc/etcd/client.key")), java.time.Duration.ofSeconds(5),
      Map.of(EtcdTarget.CERT, "--cert"));

  private static StatusRuntimeException unavailable(String description, Throwable cause) {
    return Status.UNAVAILABLE.withDescription(description).withCause(cause).asRuntimeException();
  }

  @Test
  void aClosedOrResetConnectionAfterAnswersIsTheMemberGoingAway() {
    for (StatusRuntimeException dropped : List.of(
        unavailable("Network closed for unknown reason", null),
        unavailable("io exception", new IOException("recvAddress(..) failed: Connection reset"
            + " by peer")),
        unavailable("io exception", new SSLException("SSL_ERROR_SYSCALL")))) {
      WardenException e = EtcdClients.explainAfterAnswers(dropped, ENDPOINT, target);

      assertThat(e).hasMessage("https://127.0.0.1:2379: the connection closed in mid-call, after"
          + " the member had answered on it (did etcd stop, restart or crash there? see its log)");
      assertThat(e.retryable()).isTrue();
    }
  }

  @Test
  void theSameClosedConnectionOnAFreshCallStillPointsAtTheHandshake() {
    assertThat(EtcdClients.explain(unavailable("Network closed for unknown reason", null),
        ENDPOINT, target)).hasMessageContaining("TLS handshake failed");
  }

  @Test
  void aRefusedCertificateIsTlsEvenOnAConnectionThatHadAnswered() {
    SSLHandshakeException expired = new SSLHandshakeException("PKIX path validation failed");
    expired.initCause(new CertificateExpiredException("NotAfter: Mon Jan 01 00:00:00 UTC 2024"));

    assertThat(EtcdClients.explainAfterAnswers(unavailable("io exception", expired), ENDPOINT,
        target)).hasMessageContaining("TLS handshake failed: the server's certificate");
  }
}
