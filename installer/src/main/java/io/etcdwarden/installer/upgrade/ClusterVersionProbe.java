package io.etcdwarden.installer.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TlsMaterial;
import io.etcdwarden.core.version.EtcdVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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
      builder.sslContext(sslContext(TlsMaterial.load(target)));
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

  private static SSLContext sslContext(TlsMaterial tls) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      List<X509Certificate> cas = tls.caCertificates();
      for (int i = 0; i < cas.size(); i++) {
        trust.setCertificateEntry("ca" + i, cas.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(cas.isEmpty() ? null : trust);
      KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
      keys.load(null, null);
      char[] none = new char[0];
      if (tls.clientKey().isPresent()) {
        keys.setKeyEntry("client", tls.clientKey().get(), none,
            tls.clientCertificateChain().toArray(X509Certificate[]::new));
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, none);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new WardenException("cannot set up TLS for the /version call: " + e.getMessage(), e);
    }
  }
}
