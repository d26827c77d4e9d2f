package io.etcdwarden.restore;

import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.JdkSslContext;
import io.etcdwarden.core.tls.TlsMaterial;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Asks a member's peer URL which cluster it belongs to: etcd's peer handler answers {@code GET
 * /members} with the header {@code X-Etcd-Cluster-ID}, with or without a leader. Members that
 * were restored from different archives (or with different member lists) get different tokens
 * and so different cluster IDs: they reject each other and never form one cluster, which this
 * question tells apart from a peer that has not started yet.
 */
final class PeerClusterIds {
  static final String HEADER = "X-Etcd-Cluster-ID";
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private final HttpClient http;

  /** Over TLS with {@code member}'s own certificate (it carries clientAuth, as peers need). */
  PeerClusterIds(EtcdTarget member) {
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(JdkSslContext.of(TlsMaterial.load(member), "the peers' /members call"))
        .build();
  }

  /** The cluster ID {@code peerUrl} answers; empty when it does not answer (yet). */
  OptionalLong of(URI peerUrl) {
    HttpRequest request = HttpRequest.newBuilder(peerUrl.resolve("/members")).timeout(TIMEOUT)
        .GET().build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return response.headers().firstValue(HEADER).map(hex -> OptionalLong.of(
          Long.parseUnsignedLong(hex, 16))).orElse(OptionalLong.empty());
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty(); // not listening yet, or not etcd: the caller's deadline decides
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }
}
