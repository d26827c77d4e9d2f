package io.etcdwarden.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdExceptionFactory;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The exception chains here are copies of what jetcd 0.8.7 reported against etcd 3.4.23 in
 * each situation (KV calls raise StatusRuntimeException, Cluster calls jetcd's EtcdException).
 */
class EtcdClientsExplainTest {
  private static final URI ENDPOINT = URI.create("https://127.0.0.1:2379");
  private static final String PIPELINE = "\nChannel Pipeline: [SslHandler#0,"
      + " ProtocolNegotiators$ClientTlsHandler#0, WriteBufferingAndExceptionHandler#0]";

  private final EtcdTarget mutualTls = target(true);
  private final EtcdTarget caOnly = target(false);

  @Test
  void refusedConnectionsAreRetryable() {
    ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:2379");
    refused.initCause(new ConnectException("Connection refused"));
    WardenException e = explain(kv(Status.UNAVAILABLE.withDescription("io exception")
        .withCause(refused)), mutualTls);
    assertThat(e).hasMessage("https://127.0.0.1:2379: connection refused (is etcd running there?)");
    assertThat(e.retryable()).isTrue();
    assertThat(e.kind()).isEqualTo(WardenException.Kind.FAILED);
    assertThat(explain(cluster(ErrorCode.UNAVAILABLE, "io exception", refused), mutualTls))
        .hasMessage("https://127.0.0.1:2379: connection refused (is etcd running there?)");
  }

  @Test
  void deadlinesAndTimeoutsSayHowLongWeWaited() {
    WardenException e = explain(kv(Status.DEADLINE_EXCEEDED.withDescription(
        "CallOptions deadline exceeded after 4.99s. Name resolution delay 0 seconds.")), caOnly);
    assertThat(e).hasMessage("https://127.0.0.1:2379: no answer within 5s");
    assertThat(e.retryable()).isTrue();
    assertThat(explain(new TimeoutException(), caOnly))
        .hasMessage("https://127.0.0.1:2379: no answer within 5s");
    assertThat(explain(kv(Status.UNAVAILABLE.withCause(
        new ConnectTimeoutException("connection timed out: /10.0.0.1:2379"))), caOnly))
        .hasMessage("https://127.0.0.1:2379: no answer within 5s (connecting timed out)");
    // Vert.x's gRPC client, when the deadline passes before the call got a stream.
    WardenException cancelled = explain(
        new ExecutionException(new IllegalStateException("call was cancelled")), caOnly);
    assertThat(cancelled).hasMessage("https://127.0.0.1:2379: no answer within 5s");
    assertThat(cancelled.retryable()).isTrue();
  }

  @Test
  void anUntrustedServerCertificateNamesTheCaFileAndItsOrigin() {
    SSLHandshakeException pkix = new SSLHandshakeException("PKIX path building failed:"
        + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid"
        + " certification path to requested target");
    pkix.initCause(new CertPathBuilderException("unable to find valid certification path"));
    WardenException e = explain(kv(Status.UNAVAILABLE.withDescription("io exception" + PIPELINE)
        .withCause(pkix)), mutualTls);
    assertThat(e).hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server's"
        + " certificate is not signed by CA /x/ca.crt (from --cacert)");
    assertThat(e.retryable()).isFalse();

    EtcdTarget noCa = new EtcdTarget(List.of(ENDPOINT), Optional.empty(), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(5), Map.of());
    assertThat(explain(cluster(ErrorCode.UNAVAILABLE, "io exception" + PIPELINE, pkix), noCa))
        .hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server's certificate is"
            + " not signed by a CA in the JVM's default trust store (give the cluster's CA with"
            + " --cacert, ETCDCTL_CACERT or etcd.cacert)");
  }

  @Test
  void anExpiredServerCertificateIsSaidSo() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed:"
        + " java.security.cert.CertPathValidatorException: validity check failed");
    CertPathValidatorException validator = new CertPathValidatorException(
        "validity check failed", new CertificateExpiredException("NotAfter: Mon Jan 01"));
    handshake.initCause(validator);
    assertThat(explain(kv(Status.UNAVAILABLE.withCause(handshake)), caOnly))
        .hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server's certificate"
            + " (or its CA's) has expired");
  }

  @Test
  void aServerCertificateForAnotherAddressIsSaidSo() {
    SSLHandshakeException san = new SSLHandshakeException(
        "No subject alternative names matching IP address 127.0.0.1 found");
    san.initCause(new CertificateException(
        "No subject alternative names matching IP address 127.0.0.1 found"));
    assertThat(explain(kv(Status.UNAVAILABLE.withDescription("io exception").withCause(san)),
        caOnly)).hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server's"
            + " certificate is not issued for this address (no matching subject alternative name;"
            + " use the name or IP it was issued for)");
  }

  @Test
  void aRejectedClientCertificateNamesOurCertificate() {
    DecoderException alert = new DecoderException(
        new SSLHandshakeException("Received fatal alert: bad_certificate"));
    WardenException e = explain(kv(Status.UNAVAILABLE.withDescription("ssl exception")
        .withCause(alert)), mutualTls);
    assertThat(e).hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server rejected"
        + " our client certificate /x/client.crt (from ETCDCTL_CERT) (bad_certificate)");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void aMissingClientCertificateSaysWhichSettingsGiveOne() {
    DecoderException alert = new DecoderException(
        new SSLHandshakeException("Received fatal alert: bad_certificate"));
    assertThat(explain(cluster(ErrorCode.UNAVAILABLE, "ssl exception", alert), caOnly))
        .hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server wants a client"
            + " certificate (bad_certificate); set --cert and --key, ETCDCTL_CERT and"
            + " ETCDCTL_KEY, or etcd.cert and etcd.key");
  }

  @Test
  void aClosedConnectionAfterTheHandshakeBlamesOurCertificate() {
    assertThat(explain(kv(Status.UNAVAILABLE.withDescription("Network closed for unknown reason")),
        mutualTls)).hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server closed"
            + " the connection right after the handshake: it probably rejected our client"
            + " certificate /x/client.crt (from ETCDCTL_CERT): expired, or not signed by a CA it"
            + " trusts");
  }

  @Test
  void httpsToAPlainServerAndHttpToATlsServerAreTold() {
    ClosedChannelException closed = new ClosedChannelException();
    closed.addSuppressed(new SSLHandshakeException(
        "Connection closed while SSL/TLS handshake was in progress"));
    assertThat(explain(kv(Status.UNAVAILABLE.withDescription(
        "Connection closed while performing TLS negotiation" + PIPELINE).withCause(closed)),
        caOnly)).hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server closed the"
            + " connection during the handshake (does it serve plain http? then use"
            + " http://HOST:PORT)");

    URI plain = URI.create("http://127.0.0.1:2379");
    assertThat(EtcdClients.explain(
        kv(Status.UNAVAILABLE.withDescription("Network closed for unknown reason")), plain,
        caOnly.withEndpoints(List.of(plain))))
        .hasMessage("http://127.0.0.1:2379: the server closed the connection (does it serve"
            + " https? then use https://HOST:PORT and give its CA)");
  }

  @Test
  void aServerThatAnswersWithoutTlsIsTold() {
    assertThat(explain(kv(Status.UNAVAILABLE.withCause(new DecoderException(
        new NotSslRecordException("not an SSL/TLS record: 485454502f")))), caOnly))
        .hasMessage("https://127.0.0.1:2379: TLS handshake failed: the server did not answer"
            + " with TLS (does it serve plain http? then use http://HOST:PORT)");
  }

  @Test
  void unknownHostsAndMissingRoutesAreRetryable() {
    assertThat(explain(kv(Status.UNAVAILABLE.withCause(new UnknownHostException("etcd-9"))),
        caOnly)).hasMessage("https://127.0.0.1:2379: unknown host (check the endpoint's name and"
            + " DNS)").matches(WardenException::retryable);
    assertThat(explain(kv(Status.UNAVAILABLE.withCause(new NoRouteToHostException())), caOnly))
        .hasMessage("https://127.0.0.1:2379: no route to host");
  }

  @Test
  void aPlainHttpServerIsNotEtcd() {
    assertThat(explain(kv(Status.UNIMPLEMENTED.withDescription("HTTP status code 404\nmissing"
        + " content-type in response headers")), caOnly))
        .hasMessage("https://127.0.0.1:2379: answered with plain HTTP status 404, not etcd's"
            + " gRPC (is this an etcd client URL?)");
  }

  @Test
  void aPermissionDeniedNamesWhoWasRefused() {
    WardenException e = explain(kv(Status.PERMISSION_DENIED.withDescription(
        "etcdserver: permission denied")), caOnly);
    assertThat(e).hasMessageStartingWith("https://127.0.0.1:2379: permission denied for an"
        + " anonymous client (no etcd user, no client certificate)");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void anythingElseFallsBackToTheStatusCode() {
    WardenException e = explain(kv(Status.FAILED_PRECONDITION.withDescription(
        "etcdserver: request is too large")), caOnly);
    assertThat(e).hasMessage("https://127.0.0.1:2379: FAILED_PRECONDITION: etcdserver: request"
        + " is too large");
    assertThat(e.retryable()).isFalse();
    e = explain(cluster(ErrorCode.UNAVAILABLE, "etcdserver: no leader", null), caOnly);
    assertThat(e).hasMessage("https://127.0.0.1:2379: UNAVAILABLE: etcdserver: no leader");
    assertThat(e.retryable()).isTrue();
    assertThat(explain(new CompletionException(new IllegalStateException("boom\nmore")), caOnly))
        .hasMessage("https://127.0.0.1:2379: IllegalStateException: boom");
  }

  @Test
  void aClusterCallNamesAllEndpointsAndOurOwnExceptionsPassThrough() {
    EtcdTarget two = caOnly.withEndpoints(
        List.of(ENDPOINT, URI.create("https://127.0.0.2:2379")));
    assertThat(EtcdClients.explain(new TimeoutException(), null, two))
        .hasMessage("https://127.0.0.1:2379,https://127.0.0.2:2379: no answer within 5s");
    WardenException own = new WardenException("already explained");
    assertThat(EtcdClients.explain(own, ENDPOINT, two)).isSameAs(own);
  }

  private static WardenException explain(Throwable failure, EtcdTarget target) {
    return EtcdClients.explain(failure, ENDPOINT, target);
  }

  /** What a KV or Maintenance call's future throws from get(). */
  private static Throwable kv(Status status) {
    return new ExecutionException(new StatusRuntimeException(status));
  }

  /** What a Cluster call's future throws: jetcd's exception, with the status's cause. */
  private static Throwable cluster(ErrorCode code, String description, Throwable cause) {
    return new ExecutionException(EtcdExceptionFactory.newEtcdException(code, description, cause));
  }

  private static EtcdTarget target(boolean clientCertificate) {
    return new EtcdTarget(List.of(ENDPOINT), Optional.of(Path.of("/x/ca.crt")),
        clientCertificate ? Optional.of(Path.of("/x/client.crt")) : Optional.empty(),
        clientCertificate ? Optional.of(Path.of("/x/client.key")) : Optional.empty(),
        Duration.ofSeconds(5),
        Map.of(EtcdTarget.CACERT, "--cacert", EtcdTarget.CERT, "ETCDCTL_CERT",
            EtcdTarget.KEY, "ETCDCTL_KEY"));
  }
}
