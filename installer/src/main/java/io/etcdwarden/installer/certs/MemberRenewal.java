package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.install.MemberInstaller;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.MemberReissue;
import io.etcdwarden.installer.pki.Pki;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code certs renew --data-dir}: re-issues the member's certificate from its CA (same name and
 * SANs, plus any added) over the old files, then waits until the member serves it on new
 * connections. etcd reads its certificate and key files again for every new TLS connection
 * (measured on 3.4, 3.5, 3.6 and 3.7 by {@code CertsRenewIT}), so no restart is needed and the
 * cluster keeps every connection it has; a member that goes on serving the old certificate past
 * {@code wait} is reported, its new files left in place for the next start.
 */
public final class MemberRenewal {
  private final Clock clock;

  public MemberRenewal(Clock clock) {
    this.clock = clock;
  }

  /** What a renewal did: the old and new certificate and how long until the member served it. */
  public record Result(String member, CertificateEntry before, CertificateEntry after, URI url,
      Duration untilServed) {}

  /** Renews the member in {@code dataDir}; {@code wait} bounds the wait for it to be served. */
  public Result renew(Path dataDir, List<String> addHosts, Duration wait) {
    MemberLayout layout = new MemberLayout(dataDir);
    MemberRecord record = MemberRecord.load(layout);
    CertFiles current = new CertFiles(layout.tlsDir().resolve(record.name() + ".crt"),
        layout.tlsDir().resolve(record.name() + ".key"), layout.tlsDir().resolve(Pki.CA_CERT_FILE));
    if (!Files.isRegularFile(current.cert())) {
      throw WardenException.badInput("member certificate " + current.cert() + " is missing; fix"
          + " --data-dir or reinstall the member");
    }
    Pki pki = Pki.loadCa(record.requireCaDir("certs renew", "have your CA issue a new"
        + " certificate and run this member's install again with the new --cert --key"
        + " --trusted-ca and --apply (etcd takes it without a restart)"), clock);
    CertificateEntry before = entry(record, PemCertificate.read(current.cert()));
    long start = System.nanoTime();
    CertFiles renewed = new MemberReissue(pki, clock).member(current, addHosts,
        MemberInstaller.MEMBER_CERT_VALIDITY);
    CertificateEntry after = entry(record, PemCertificate.read(renewed.cert()));
    ServedWait.await(record.name(), record.clientUrl(), after.serial(), wait);
    return new Result(record.name(), before, after, record.clientUrl(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private CertificateEntry entry(MemberRecord record, X509Certificate cert) {
    return CertificateEntry.of("member " + record.name(), record.clientUrl().toString(), cert,
        List.of(), clock.instant());
  }
}
