package io.etcdwarden.installer.certs;

import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.installer.credentials.ClientRole;
import io.etcdwarden.installer.credentials.CredentialsPackager;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.pki.Pki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Gathers {@code certs status}: the certificates etcd-warden made or uses on this host (the CA,
 * the member's certificate and trust bundle, the packaged client certificate, the NRPE user's
 * copies) and, given a member's folder, the certificate every live member serves.
 */
public final class CertificateSurvey {
  private final Map<String, Path> otherFiles;
  private final Duration timeout;
  private final Clock clock;

  /**
   * {@code otherFiles}: more certificate files by role, shown when present (the NRPE user's
   * copies that {@code nrpe install} made); {@code timeout} bounds each call to etcd.
   */
  public CertificateSurvey(Map<String, Path> otherFiles, Duration timeout, Clock clock) {
    this.otherFiles = Map.copyOf(otherFiles);
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Everything about the member installed in {@code dataDir}, its CA and the live members. */
  public CertificateReport ofMember(Path dataDir) {
    MemberLayout layout = new MemberLayout(dataDir);
    MemberRecord record = MemberRecord.load(layout);
    Instant now = clock.instant();
    Path tls = layout.tlsDir();
    HeldCertificates held = (record.brought() ? new HeldCertificates(now)
        : caFiles(record.caDir(), now))
        .add(record.brought() ? "member (server and peer; brought, no CA folder)"
            : "member (server and peer)", tls.resolve(record.name() + ".crt"))
        .add("member trust bundle", tls.resolve(Pki.CA_CERT_FILE));
    otherFiles(held);
    List<CertificateEntry> entries = new ArrayList<>(held.entries());
    List<String> problems = new ArrayList<>(held.problems());
    EtcdTarget target = new EtcdTarget(List.of(record.clientUrl()),
        Optional.of(tls.resolve(Pki.CA_CERT_FILE)), Optional.of(tls.resolve(record.name()
        + ".crt")), Optional.of(tls.resolve(record.name() + ".key")), timeout, Map.of());
    new ServedCertificates(target, timeout).collect(now, entries, problems);
    return new CertificateReport(now, entries, problems);
  }

  /** The CA in {@code caDir}, its packaged client certificate and the NRPE user's copies. */
  public CertificateReport ofCa(Path caDir) {
    Instant now = clock.instant();
    HeldCertificates held = otherFiles(caFiles(caDir, now));
    return new CertificateReport(now, held.entries(), held.problems());
  }

  private static HeldCertificates caFiles(Path caDir, Instant now) {
    return new HeldCertificates(now)
        .add("CA", caDir.resolve(Pki.CA_CERT_FILE))
        .add("client (credentials package)", CredentialsPackager.clientFiles(caDir).cert())
        .add("monitor client (credentials package --role monitor)",
            CredentialsPackager.clientFiles(caDir, ClientRole.MONITOR).cert());
  }

  private HeldCertificates otherFiles(HeldCertificates held) {
    new TreeMap<>(otherFiles).forEach(held::add);
    return held;
  }
}
