package io.etcdwarden.installer.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.JdkSslContext;
import io.etcdwarden.core.tls.TlsMaterial;
import io.etcdwarden.core.version.EtcdVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Asks a member for the cluster version through etcd's {@code /version} endpoint on its client
 * URL ({@code {"etcdserver":"3.5.30","etcdcluster":"3.5.0"}}), with the target's TLS files. The
 * gRPC status call reports each member's server version only, not the version the cluster
 * agreed on, which is what decides when a new minor's features (and storage format) take effect.
 */
final class ClusterVersionProbe {
  private final EtcdTarget target;
  private final HttpClient http;

  public ClusterVersionProbe(EtcdTarget target) {
    this.target = target;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(target.timeout())
        .version(HttpClient.Version.HTTP_1_1);
    if (target.usesTls()) {
      builder.sslContext(JdkSslContext.of(TlsMaterial.load(target), "the /version call"));
    }
    this.http = builder.build();
  }

  /** The cluster version as {@code member} reports it (MAJOR.MINOR.0). */
  public EtcdVersion clusterVersion(URI member) {
    URI url = member.resolve("/version");
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
          .timeout(target.timeout()).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = new ObjectMapper().readTree(response.body());
      String cluster = body.path("etcdcluster").asText("");
      if (response.statusCode() != 200 || cluster.isEmpty() || cluster.equals("not_decided")) {
        throw new WardenException(url + " reports no cluster version yet (HTTP "
            + response.statusCode() + "); wait for the cluster to elect a leader");
      }
      return EtcdVersion.parse(cluster, url + " etcdcluster");
    } catch (IOException e) {
      throw new WardenException("cannot read the cluster version from " + url + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while reading " + url, e);
    }
  }
}
