package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.installer.config.EtcdConfigRenderer;
import io.etcdwarden.installer.config.EtcdConfigWriter;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.config.InstalledConfig;
import io.etcdwarden.installer.pki.BroughtCertificate;
import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.installer.process.EtcdVersionProbe;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import io.etcdwarden.installer.service.ServiceSpec;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code install} where this member is installed already: the settings the arguments give are
 * compared with the member's own config. Equal: nothing is done (a stopped member is started).
 * Different: the changes are listed, and with {@code apply} the config is rendered again and the
 * member restarted once behind a health gate (the whole cluster healthy first, the member
 * healthy and caught up after). Changes that cannot be made in place are refused in one line.
 * The etcd binary is not part of it: a new etcd is {@code upgrade}'s job.
 */
final class MemberReinstall {
  private static final Duration SURVEY_TIMEOUT = Duration.ofSeconds(5);

  private final MemberLayout layout;

  MemberReinstall(MemberLayout layout) {
    this.layout = layout;
  }

  /** Whether {@code layout} holds an installed member (its record exists). */
  static boolean installedIn(MemberLayout layout) {
    return Files.isRegularFile(layout.recordFile());
  }

  InstallRun.Result reconcile(InstallRequest request, BroughtCertificate own, boolean apply) {
    MemberRecord record = MemberRecord.load(layout);
    if (!record.name().equals(request.name())) {
      throw WardenException.badInput("--data-dir " + layout.dir() + " holds member "
          + record.name() + ", not " + request.name() + "; a member's name cannot change in"
          + " place (install " + request.name() + " into another --data-dir)");
    }
    InstallPreflight.Checked checked = InstallPreflight.check(request, false);
    EtcdMemberConfig installed = InstalledConfig.read(layout.configFile());
    EtcdMemberConfig wanted = wanted(installed, request, checked);
    List<SettingChange> changes = new ArrayList<>(SettingChange.between(installed, wanted));
    for (SettingChange change : changes) {
      if (!change.inPlace()) {
        throw WardenException.badInput("cannot change " + change.setting() + " of installed"
            + " member " + record.name() + " in place (" + change + "); etcd reads it only"
            + " at the member's first start: use 'member remove' and 'member add'");
      }
    }
    boolean newCertificate = own != null && !MemberCertificate.same(own, installed);
    if (newCertificate) {
      changes.add(MemberCertificate.change(installed, own));
    }
    if (changes.isEmpty()) {
      return unchangedOrStarted(record, request.startTimeout());
    }
    if (!apply) {
      return new InstallRun.Result(InstallRun.Kind.DIFFERS, record.name(), null, changes,
          Duration.ZERO);
    }
    Instant now = Instant.now();
    BroughtCertificate serving = newCertificate ? own : MemberCertificate.of(installed);
    serving.require(checked.certificateHosts(), now);
    try (EtcdClients clients = clients(record)) {
      new MemberRestart(survey(clients)).requireHealthy("apply the changed settings of "
          + record.name());
    }
    if (newCertificate) {
      // etcd reads its certificate files again for every new connection: no restart for these.
      own.place(record.name(), layout.tlsDir());
      record = record.withBroughtCertificate();
      record.save(layout);
    }
    Duration away = Duration.ZERO;
    if (changes.size() > (newCertificate ? 1 : 0)) {
      EtcdLine line = new EtcdVersionProbe().supported(record.etcdBinary(),
          "etcd " + record.etcdBinary()).line();
      new EtcdConfigWriter().write(layout.configFile(),
          new EtcdConfigRenderer(line).render(wanted));
      MemberRecord updated = new MemberRecord(record.name(), record.caDir(), record.etcdBinary(),
          record.serviceMode(), checked.clientUrl(), checked.metricsUrl());
      updated.save(layout);
      try (EtcdClients clients = clients(updated)) {
        away = new MemberRestart(survey(clients)).restart(layout, updated,
            request.startTimeout());
      }
    }
    return new InstallRun.Result(InstallRun.Kind.APPLIED, record.name(), null, changes, away);
  }

  private InstallRun.Result unchangedOrStarted(MemberRecord record, Duration wait) {
    ServiceManager services = ServiceManagers.forMode(record.serviceMode());
    ServiceSpec spec = layout.serviceSpec(record.name(), record.etcdBinary());
    if (services.isRunning(spec)) {
      return new InstallRun.Result(InstallRun.Kind.UNCHANGED, record.name(), null, List.of(),
          Duration.ZERO);
    }
    services.start(spec);
    new StartupWait(() -> services.isRunning(spec), layout.logFile())
        .awaitListening(record.metricsUrl(), wait);
    return new InstallRun.Result(InstallRun.Kind.STARTED, record.name(), null, List.of(),
        Duration.ZERO);
  }

  private static EtcdMemberConfig wanted(EtcdMemberConfig installed, InstallRequest request,
      InstallPreflight.Checked checked) {
    return MemberInstaller.requested(installed.toBuilder(), request, checked).build();
  }

  /** Clients of the cluster as this member sees it: its own client URL and TLS files. */
  private EtcdClients clients(MemberRecord record) {
    return new EtcdClients(new EtcdTarget(List.of(record.clientUrl()),
        Optional.of(layout.tlsDir().resolve(Pki.CA_CERT_FILE)),
        Optional.of(layout.tlsDir().resolve(record.name() + ".crt")),
        Optional.of(layout.tlsDir().resolve(record.name() + ".key")), SURVEY_TIMEOUT, Map.of()));
  }

  private static ClusterSurvey survey(EtcdClients clients) {
    return new ClusterSurvey(clients, clients.target(), Clock.systemUTC());
  }
}
