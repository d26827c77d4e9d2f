package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.tls.CredentialHandOver;
import io.etcdwarden.installer.credentials.ClientRole;
import io.etcdwarden.installer.credentials.CredentialsPackager;
import io.etcdwarden.installer.install.MemberInstaller;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.MemberReissue;
import io.etcdwarden.installer.pki.Pki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code reissue} phase on one host: the member's certificate (and, where the CA folder
 * keeps it, the packaged client certificate) issued again from the new CA, same names, into a
 * scratch folder beside the old files and moved over them (key first, each move atomic), then
 * waits until the member serves it; no restart, etcd reloads its certificate files.
 */
final class RotationReissue {
  private final MemberLayout layout;
  private final MemberRecord record;
  private final Pki fresh;
  private final Clock clock;

  RotationReissue(MemberLayout layout, MemberRecord record, Pki fresh, Clock clock) {
    this.layout = layout;
    this.record = record;
    this.fresh = fresh;
    this.clock = clock;
  }

  /** What the phase did on this host: notes for the operator, the client certificates replaced. */
  record Reissued(List<String> notes, List<CredentialHandOver.Client> clients) {}

  Reissued run(Duration wait) {
    List<String> notes = new ArrayList<>();
    Path tls = layout.tlsDir();
    CertFiles member = new CertFiles(tls.resolve(record.name() + ".crt"),
        tls.resolve(record.name() + ".key"), tls.resolve(Pki.CA_CERT_FILE));
    MemberReissue reissue = new MemberReissue(fresh, clock);
    CertFiles issued = replace(member, dir -> reissue.memberFromAnyCa(member, dir,
        MemberInstaller.MEMBER_CERT_VALIDITY));
    ServedWait.await(record.name(), record.clientUrl(),
        CertificateEntry.serialHex(PemCertificate.read(issued.cert()).getSerialNumber()), wait);
    notes.add(record.clientUrl() + " serves its certificate from the new CA");
    List<CredentialHandOver.Client> clients = new ArrayList<>();
    for (ClientRole role : ClientRole.values()) {
      CertFiles client = CredentialsPackager.clientFiles(record.caDir(), role);
      if (Files.isRegularFile(client.cert()) && !PemCertificate.read(client.cert())
          .getIssuerX500Principal().equals(fresh.caCertificate().getSubjectX500Principal())) {
        byte[] old = RotationFiles.read(client.cert());
        replace(client, dir -> reissue.clientFromAnyCa(client, dir,
            CredentialsPackager.CLIENT_VALIDITY));
        clients.add(new CredentialHandOver.Client(old, client.ca(), client.cert(),
            client.key()));
        notes.add("the packaged " + role.word()
            + " client certificate " + client.cert() + " now comes from the new CA; package"
            + " credentials again for the clients");
      }
    }
    return new Reissued(notes, clients);
  }

  /** Issues into a scratch folder beside {@code target}, then moves key and certificate over. */
  private static CertFiles replace(CertFiles target, Issuer issuer) {
    Path dir = target.cert().getParent();
    try {
      Path scratch = Files.createTempDirectory(dir, ".reissue-");
      try {
        CertFiles issued = issuer.into(scratch);
        Files.move(issued.key(), target.key(), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        Files.move(issued.cert(), target.cert(), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        return target;
      } finally {
        Files.deleteIfExists(scratch.resolve(Pki.CA_CERT_FILE));
        Files.deleteIfExists(scratch);
      }
    } catch (IOException e) {
      throw new WardenException("cannot replace " + target.cert() + ": " + e.getMessage(), e);
    }
  }

  /** Issues one credential into a folder. */
  private interface Issuer {
    CertFiles into(Path dir);
  }
}
