package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.CredentialHandOver;
import io.etcdwarden.installer.credentials.CredentialsPackager;
import io.etcdwarden.installer.install.MemberInstaller;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.install.MemberRestart;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code certs rotate-ca}: replaces the CA of the cluster the member in a data dir belongs to,
 * without an outage, one phase per run and host ({@link RotationPhase}), progress recorded in
 * etcd ({@link RotationLedger}) and every phase gated ({@link RotationGate}, and a healthy
 * cluster). The CA folder switches to the new CA when the first member trusts it alone.
 */
public final class CaRotation implements AutoCloseable {
  /** What one phase did on this host, for the operator. */
  public record Outcome(String member, RotationPhase phase, Optional<Duration> restart,
      List<String> notes, CredentialHandOver handOver) {}

  private final MemberLayout layout;
  private final MemberRecord record;
  private final EtcdClients clients;
  private final ClusterSurvey survey;
  private final RotationLedger ledger;
  private final Clock clock;

  /** The rotation as seen from the member in {@code dataDir}, talking to etcd with its files. */
  public CaRotation(Path dataDir, Duration timeout, Clock clock) {
    this.layout = new MemberLayout(dataDir);
    this.record = MemberRecord.load(layout);
    this.clock = clock;
    Path tls = layout.tlsDir();
    EtcdTarget target = new EtcdTarget(List.of(record.clientUrl()),
        Optional.of(tls.resolve(Pki.CA_CERT_FILE)),
        Optional.of(tls.resolve(record.name() + ".crt")),
        Optional.of(tls.resolve(record.name() + ".key")), timeout, Map.of());
    this.clients = new EtcdClients(target);
    this.survey = new ClusterSurvey(clients, target, clock);
    this.ledger = new RotationLedger(clients.cluster().getKVClient(), timeout);
  }

  /**
   * The CA's files, which only a member of our CA has; a brought member is refused in one line
   * (its {@link #status()} still shows the cluster's rotation).
   */
  private RotationFiles files() {
    return new RotationFiles(record.requireCaDir("certs rotate-ca", "rotate its CA in your own"
        + " PKI: add the new CA to the trusted CA file, then bring each member its new"
        + " certificate with 'install --apply --cert FILE --key FILE --trusted-ca FILE'"));
  }

  /** Creates the new CA beside the old (once, on the CA's host) and records the rotation. */
  public Outcome prepare() {
    RotationFiles files = files();
    Map<String, RotationPhase> done = ledger.phases();
    List<String> members = members(survey.survey());
    if (ledger.newCa().isPresent() && !members.stream()
        .allMatch(m -> done.get(m) == RotationPhase.TRUST_NEW)) {
      throw WardenException.badInput("a CA rotation is already under way (" + describe(done,
          members) + "); finish it, see 'certs rotate-ca status'");
    }
    Pki.loadCa(record.caDir());
    new MemberRestart(survey).requireHealthy("prepare a CA rotation");
    Pki fresh = Pki.createCa(files.newCaDir(), "etcd-warden CA "
        + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), MemberInstaller.CA_VALIDITY, clock);
    files.writeBundle();
    CertFiles client = CredentialsPackager.clientFiles(record.caDir());
    List<String> notes = new ArrayList<>();
    if (Files.exists(client.ca())) {
      RotationFiles.publish(files.bundle(), client.ca());
      notes.add("credential packages now carry the trust bundle " + files.bundle());
    }
    ledger.start(serial(fresh));
    notes.add("new CA in " + files.newCaDir() + "; copy " + files.bundle().getParent()
        + " to every host that keeps the CA folder, then run 'certs rotate-ca trust-both' on"
        + " each host in turn");
    return new Outcome(record.name(), RotationPhase.PREPARE, Optional.empty(), notes,
        CredentialHandOver.none());
  }

  /** Runs {@code phase} on this host's member; {@code wait} bounds a restart. */
  public Outcome run(RotationPhase phase, Duration wait) {
    if (phase == RotationPhase.PREPARE) {
      return prepare();
    }
    RotationFiles files = files();
    Optional<String> prepared = ledger.newCa();
    RotationGate.requirePrepared(prepared);
    ClusterReport report = survey.survey();
    Pki fresh = files.newCa();
    RotationGate.check(phase, record.name(), members(report), prepared, serial(fresh),
        ledger.phases());
    MemberRestart restart = new MemberRestart(survey);
    restart.requireHealthy(phase.word() + " on " + record.name());
    Path trust = layout.tlsDir().resolve(Pki.CA_CERT_FILE);
    List<String> notes = new ArrayList<>();
    Optional<Duration> away = Optional.empty();
    CredentialHandOver handOver;
    switch (phase) {
      case TRUST_BOTH -> {
        byte[] trusted = RotationFiles.read(trust);
        RotationFiles.publish(files.bundle(), trust);
        away = Optional.of(restart.restart(layout, record, wait));
        handOver = CredentialHandOver.trust(trusted, files.bundle());
      }
      case REISSUE -> {
        RotationReissue.Reissued reissued = new RotationReissue(layout, record, fresh, clock)
            .run(wait);
        notes.addAll(reissued.notes());
        handOver = new CredentialHandOver(Optional.empty(), reissued.clients());
      }
      case TRUST_NEW -> {
        byte[] bundle = RotationFiles.read(files.bundle());
        RotationFiles.publish(fresh.caCertFile(), trust);
        away = Optional.of(restart.restart(layout, record, wait));
        notes.addAll(new CaFolderSwitch(record.caDir(), files).apply());
        handOver = CredentialHandOver.trust(bundle, fresh.caCertFile());
      }
      default -> throw new IllegalStateException("prepare is handled above");
    }
    ledger.finished(record.name(), phase);
    return new Outcome(record.name(), phase, away, notes, handOver);
  }

  /** Each member's last finished phase ("prepare" when none yet), by name. */
  public Map<String, String> status() {
    Map<String, RotationPhase> done = ledger.phases();
    Map<String, String> byMember = new TreeMap<>();
    if (ledger.newCa().isEmpty()) {
      return byMember;
    }
    for (String m : members(survey.survey())) {
      byMember.put(m, done.getOrDefault(m, RotationPhase.PREPARE).word());
    }
    return byMember;
  }

  private static List<String> members(ClusterReport report) {
    return report.members().stream().map(MemberStatus::displayName).toList();
  }

  private static String describe(Map<String, RotationPhase> done, List<String> members) {
    List<String> parts = new ArrayList<>();
    members.forEach(m -> parts.add(m + " at "
        + done.getOrDefault(m, RotationPhase.PREPARE).word()));
    return String.join(", ", parts);
  }

  private static String serial(Pki pki) {
    return CertificateEntry.serialHex(pki.caCertificate().getSerialNumber());
  }

  @Override
  public void close() {
    clients.close();
  }
}
