package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.installer.config.ClusterState;
import io.etcdwarden.installer.config.EtcdConfigRenderer;
import io.etcdwarden.installer.config.EtcdConfigWriter;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.config.EtcdMemberConfigBuilder;
import io.etcdwarden.installer.files.DirectoryTree;
import io.etcdwarden.installer.pki.BroughtCertificate;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.installer.process.EtcdVersionProbe;
import io.etcdwarden.installer.release.ReleaseInstaller;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import io.etcdwarden.installer.service.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * Installs one etcd member on this host, as {@code etcd-warden install} does: checks all input
 * first ({@link InstallPreflight}), then installs the binaries, creates or reuses the CA, issues
 * the member certificate, writes the config for the etcd line the binary reports (its own {@code
 * snapshot-count} default included) and the record, starts the service and waits. Any failure after
 * the checks removes what this run created (service, member folder, a CA it created), so a failed
 * install can simply be retried.
 */
public final class MemberInstaller {
  /** Validity of a CA the installer creates. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);
  /** Validity of member certificates. */
  public static final Duration MEMBER_CERT_VALIDITY = Duration.ofDays(1825);

  /** Makes every check {@link #install} makes first, without changing anything. */
  public void check(InstallRequest request) {
    InstallPreflight.check(request);
  }

  /**
   * Makes every check {@link #install(InstallRequest, BroughtCertificate)} makes first, the
   * brought certificate's included ({@code own} may be null), without changing anything.
   */
  public void check(InstallRequest request, BroughtCertificate own) {
    checked(request, own);
  }

  private static InstallPreflight.Checked checked(InstallRequest request, BroughtCertificate own) {
    InstallPreflight.Checked checked = InstallPreflight.check(request);
    if (own != null) {
      own.require(checked.certificateHosts(), Instant.now());
    }
    return checked;
  }

  /** Installs and starts the member described by {@code request}. */
  public InstalledMember install(InstallRequest request) {
    return install(request, null, true);
  }

  /**
   * Installs and starts the member described by {@code request} with the operator's own member
   * certificate ({@code own}, checked before anything is installed; no CA is made or used), or,
   * when {@code own} is null, one issued by the CA in the request's CA folder.
   */
  public InstalledMember install(InstallRequest request, BroughtCertificate own) {
    return install(request, own, true);
  }

  /**
   * Installs the member described by {@code request} (binaries, certificate, config, record and
   * service unit) as {@link #install(InstallRequest, BroughtCertificate)} does, and does not
   * start it: {@code restore --cluster} fills its data dir and starts it.
   */
  public InstalledMember installWithoutStart(InstallRequest request, BroughtCertificate own) {
    return install(request, own, false);
  }

  /** As above, with a certificate from the CA folder. */
  public InstalledMember installWithoutStart(InstallRequest request) {
    return install(request, null, false);
  }

  private InstalledMember install(InstallRequest request, BroughtCertificate own,
      boolean start) {
    InstallPreflight.Checked checked = checked(request, own);
    MemberLayout layout = new MemberLayout(request.dataDir());
    ServiceManager services = ServiceManagers.forMode(request.serviceMode());
    boolean caCreated = own == null && !Files.exists(request.caDir().resolve(Pki.CA_KEY_FILE));
    ServiceSpec spec = null;
    try {
      Path etcd = binaries(request).resolve("etcd");
      EtcdLine line = new EtcdVersionProbe().supported(etcd, "etcd " + etcd).line();
      CertFiles cert = own != null ? own.place(request.name(), layout.tlsDir())
          : Pki.loadOrCreateCa(request.caDir(), "etcd-warden CA", CA_VALIDITY)
              .issueMember(request.name(), checked.certificateHosts(), layout.tlsDir(),
                  MEMBER_CERT_VALIDITY);
      Files.createDirectories(layout.etcdDataDir());
      Files.setPosixFilePermissions(layout.etcdDataDir(),
          PosixFilePermissions.fromString("rwx------"));
      EtcdMemberConfig config = config(request, checked, layout, cert, line);
      new EtcdConfigWriter().write(layout.configFile(),
          new EtcdConfigRenderer(line).render(config));
      new MemberRecord(request.name(), own != null ? null : request.caDir().toAbsolutePath(),
          etcd, services.mode(),
          checked.clientUrl(), checked.metricsUrl()).save(layout);
      spec = layout.serviceSpec(request.name(), etcd);
      if (!start) {
        services.register(spec);
        return new InstalledMember(request.name(), layout.dir(), etcd, services.mode(),
            checked.clientUrl(), config.initialClusterToken(), false,
            checked.cluster().members().size());
      }
      services.start(spec);
      ServiceSpec started = spec;
      StartupWait wait = new StartupWait(() -> services.isRunning(started), layout.logFile());
      boolean mustBeHealthy = checked.cluster().members().size() == 1
          || request.clusterState() == ClusterState.EXISTING;
      if (mustBeHealthy) {
        wait.awaitHealthy(checked.metricsUrl(), request.startTimeout());
      } else {
        wait.awaitListening(checked.metricsUrl(), request.startTimeout());
      }
      return new InstalledMember(request.name(), layout.dir(), etcd, services.mode(),
          checked.clientUrl(), config.initialClusterToken(), mustBeHealthy,
          checked.cluster().members().size());
    } catch (RuntimeException | IOException e) {
      WardenException failure = e instanceof WardenException w ? w
          : new WardenException("cannot install member " + request.name() + ": " + e.getMessage(), e);
      rollBack(services, spec, layout, caCreated ? request.caDir() : null, failure);
      throw failure;
    }
  }

  private static Path binaries(InstallRequest request) {
    if (request.release() != null) {
      return new ReleaseInstaller().install(request.release(), request.releaseSha256(),
          request.prefix());
    }
    return request.etcdBinDir();
  }

  private static EtcdMemberConfig config(InstallRequest request, InstallPreflight.Checked checked,
      MemberLayout layout, CertFiles cert, EtcdLine line) {
    return requested(EtcdMemberConfig.builder(), request, checked)
        .name(request.name())
        .dataDir(layout.etcdDataDir())
        .initialClusterState(request.clusterState())
        .certFile(cert.cert())
        .keyFile(cert.key())
        .trustedCaFile(cert.ca())
        .snapshotCount(line.defaultSnapshotCount())
        .build();
  }

  /**
   * Sets what the request decides in a member's config, on a first install and on a reinstall
   * alike: its URLs, the initial cluster and its token, the quota and the auto-compaction.
   */
  static EtcdMemberConfigBuilder requested(EtcdMemberConfigBuilder builder,
      InstallRequest request, InstallPreflight.Checked checked) {
    String token = request.clusterToken() != null ? request.clusterToken()
        : checked.cluster().derivedToken();
    return builder
        .listenClientUrls(checked.listenClientUrls())
        .advertiseClientUrls(checked.clientUrl())
        .listenPeerUrls(checked.listenPeerUrl())
        .initialAdvertisePeerUrls(checked.cluster().peerUrlOf(request.name()))
        .listenMetricsUrls(checked.listenMetricsUrl())
        .initialCluster(checked.cluster().members())
        .initialClusterToken(token)
        .quotaBackendBytes(request.quotaBackendBytes())
        .autoCompactionRetention(request.autoCompactionRetention());
  }

  /** Undoes a failed install: nothing of it may be left running or half-written. */
  private static void rollBack(ServiceManager services, ServiceSpec spec, MemberLayout layout,
      Path createdCa, WardenException failure) {
    try {
      if (spec != null) {
        services.remove(spec);
      }
      // The folder was empty or absent before (preflight checked): empty it again.
      DirectoryTree.deleteContent(layout.dir());
      if (createdCa != null) {
        Files.deleteIfExists(createdCa.resolve(Pki.CA_KEY_FILE));
        Files.deleteIfExists(createdCa.resolve(Pki.CA_CERT_FILE));
      }
    } catch (RuntimeException | IOException e) {
      failure.addSuppressed(e);
    }
  }
}
