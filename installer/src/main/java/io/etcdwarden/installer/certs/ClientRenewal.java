package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.BoundedFile;
import io.etcdwarden.installer.credentials.ClientRole;
import io.etcdwarden.installer.credentials.CredentialsPackager;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.MemberReissue;
import io.etcdwarden.installer.pki.Pki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code certs renew --client [--role monitor]}: re-issues the client certificate of a role that
 * credential packages hand out (kept in the CA's {@code clients/} folder) from the CA, over the
 * old files. The old
 * certificate's PEM is returned so that copies of it (the NRPE user's) can be recognised and
 * refreshed; packages made before keep working until the old certificate expires.
 */
public final class ClientRenewal {
  private final Clock clock;

  public ClientRenewal(Clock clock) {
    this.clock = clock;
  }

  /** What a client renewal did: the new files, the old certificate's PEM, before and after. */
  public record Result(CertFiles files, byte[] oldCertificatePem, CertificateEntry before,
      CertificateEntry after) {}

  /** Renews the packaged client certificate of {@code role} of the CA in {@code caDir}. */
  public Result renew(Path caDir, ClientRole role) {
    CertFiles current = CredentialsPackager.clientFiles(caDir, role);
    if (!Files.isRegularFile(current.cert())) {
      String name = role.word();
      throw WardenException.badInput("no " + name + " client certificate " + current.cert()
          + " to renew; 'etcd-warden credentials package --role " + name + "' issues one");
    }
    Pki pki = Pki.loadCa(caDir, clock);
    byte[] oldPem;
    try {
      oldPem = BoundedFile.bytes(current.cert(), BoundedFile.SMALL_FILE_BYTES,
          "client certificate");
    } catch (IOException e) {
      throw new WardenException("cannot read " + current.cert() + ": " + e.getMessage(), e);
    }
    CertificateEntry before = entry(current.cert());
    CertFiles renewed = new MemberReissue(pki, clock).client(current,
        CredentialsPackager.CLIENT_VALIDITY);
    return new Result(renewed, oldPem, before, entry(renewed.cert()));
  }

  private CertificateEntry entry(Path file) {
    return CertificateEntry.of("client", file.toString(), PemCertificate.read(file), List.of(),
        clock.instant());
  }
}
