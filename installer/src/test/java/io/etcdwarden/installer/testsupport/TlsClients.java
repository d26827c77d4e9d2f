package io.etcdwarden.installer.testsupport;

import io.etcdwarden.installer.pki.CertFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** HTTPS clients that trust only a test CA, with or without presenting a client certificate. */
public final class TlsClients {
  private static final char[] NO_PASSWORD = new char[0];

  private TlsClients() {}

  /** Trusts {@code credentials.ca()} and presents {@code credentials}' certificate. */
  public static HttpClient mutual(CertFiles credentials)
      throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "client",
        PemTestFiles.privateKey(credentials.key()),
        NO_PASSWORD,
        new Certificate[] {PemTestFiles.certificate(credentials.cert())});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, NO_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), trust(credentials.ca()).getTrustManagers(), null);
    return client(context);
  }

  /** Trusts {@code ca} but presents no client certificate. */
  public static HttpClient anonymous(Path ca) throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust(ca).getTrustManagers(), null);
    return client(context);
  }

  /** GET {@code url} and return the body, failing on any status but 200. */
  public static String get(HttpClient client, URI url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static TrustManagerFactory trust(Path ca) throws IOException, GeneralSecurityException {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("ca", PemTestFiles.certificate(ca));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(anchors);
    return tmf;
  }

  private static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(2))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }
}
