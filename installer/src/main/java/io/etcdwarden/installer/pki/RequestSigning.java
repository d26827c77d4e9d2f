package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * {@code certs sign}: the CA's host signs a member's {@link CertificateRequest} without ever
 * seeing its key. The request may name only hosts the CA's operator expects for that member
 * (its peer host from the initial cluster, hosts added on purpose, 127.0.0.1 and localhost),
 * and must name the ones it needs; anything else is refused in one line, so a request cannot
 * obtain a certificate for another member's address.
 */
public final class RequestSigning {
  private final Pki pki;

  public RequestSigning(Pki pki) {
    this.pki = pki;
  }

  /**
   * Signs {@code request} as member certificate {@code NAME.crt} in {@code outDir}, with the
   * CA's {@code ca.crt} beside it.
   *
   * @param allowedHosts every host the member may be named by, besides 127.0.0.1 and localhost
   * @param requiredHosts the hosts the certificate must cover
   */
  public CertFiles sign(CertificateRequest request, List<String> allowedHosts,
      List<String> requiredHosts, Path outDir, Duration validity) {
    IssueRules.requireCredentialName(request.commonName(), "requested member name");
    List<String> allowed = new ArrayList<>(lower(allowedHosts));
    allowed.addAll(SubjectAltNames.ALWAYS);
    List<String> requested = lower(request.hosts());
    for (String host : requested) {
      if (!allowed.contains(host)) {
        throw WardenException.badInput("refusing to sign: the request for " + request.commonName()
            + " asks for " + host + ", which is not one of its hosts (" + String.join(", ",
                allowed) + "); if it is, add it with --add-san");
      }
    }
    for (String host : lower(requiredHosts)) {
      if (!requested.contains(host)) {
        throw WardenException.badInput("refusing to sign: the request for " + request.commonName()
            + " lacks " + host + ", which its peers use to reach it; make the request again"
            + " with the member's install arguments");
      }
    }
    KeyPurposeId[] purposes = {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth};
    X509Certificate cert = pki.sign(request.commonName(), request.publicKey(), purposes,
        SubjectAltNames.forHosts(request.hosts()), validity);
    Path certFile = outDir.resolve(request.commonName() + ".crt");
    Path ca = pki.placeCaCertificate(outDir);
    PemFiles pem = new PemFiles();
    pem.writeCertificate(certFile, cert);
    return new CertFiles(certFile, outDir.resolve(request.commonName() + ".key"), ca);
  }

  private static List<String> lower(List<String> hosts) {
    return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
  }
}
