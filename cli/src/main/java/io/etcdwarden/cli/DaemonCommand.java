package io.etcdwarden.cli;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.ArchiveKeys;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.daemon.DaemonAddress;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.daemon.DaemonSettings;
import io.etcdwarden.daemon.ScheduledDrill;
import io.etcdwarden.daemon.SignalStop;
import io.etcdwarden.daemon.SystemdUnit;
import io.etcdwarden.daemon.WardenDaemon;
import io.etcdwarden.installer.config.MemberQuota;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import io.etcdwarden.plugins.options.WardenVersion;
import io.etcdwarden.restore.SnapshotDrill;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden daemon}: runs the sidecar in the foreground until SIGTERM or SIGINT, then
 * stops its jobs cleanly and exits 0; {@code --install-unit} writes its systemd unit instead.
 * Its endpoint answers whole {@code check_etcd_cluster} runs from its cache for the plugin's
 * shell fast path (the daemon runs the plugin itself).
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = {"Run the sidecar: health checks every daemon.health_interval, snapshots on",
        "backup.schedule (one per cluster), retention, restore drills on backup.drill_schedule,",
        "and status/metrics on daemon.listen."})
final class DaemonCommand implements Callable<Integer> {
  @Mixin TargetOptions etcd;

  @Option(names = "--target", paramLabel = "URI",
      description = "Store for scheduled snapshots (default: backup.target).")
  URI store;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Status, warm path and /metrics (default: daemon.listen, 127.0.0.1:2389).")
  String listen;

  @Option(names = "--metrics-listen", paramLabel = "HOST:PORT",
      description = "Also serve /metrics alone here, e.g. 10.0.0.1:2390 for a Prometheus on"
          + " another host (default: daemon.metrics_listen, none).")
  String metricsListen;

  @Option(names = "--install-unit", description = "Write the systemd unit and exit.")
  boolean installUnit;

  @Option(names = "--unit-dir", paramLabel = "DIR", defaultValue = "/etc/systemd/system",
      description = "Where --install-unit writes etcd-warden.service (default ${DEFAULT-VALUE}).")
  Path unitDir;

  @Option(names = "--member", paramLabel = "NAME", description = "With --install-unit: the"
      + " local etcd member, so the daemon starts after etcd-NAME.service.")
  String member;

  @Option(names = "--launcher", paramLabel = "PATH", description = "The etcd-warden launcher "
      + "the unit starts (default: this distribution's bin/etcd-warden).")
  Path launcher;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  private final Environment env;

  DaemonCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WardenConfig config = etcd.loadConfig();
    if (installUnit) {
      Path unit = unitDir.resolve(SystemdUnit.FILE_NAME);
      Path configPath = etcd.config().orElse(WardenConfig.DEFAULT_FILE).toAbsolutePath();
      List<Path> writable = config.backup().target().filter(t -> "file".equals(t.getScheme()))
          .map(t -> List.of(Path.of(t.getPath()))).orElse(List.of());
      new AtomicFileWriter().write(unit, SystemdUnit.render(Launcher.path(launcher), configPath,
          Optional.ofNullable(member), writable).getBytes(StandardCharsets.UTF_8),
          AtomicFileWriter.WORLD_READABLE);
      out.println("wrote " + unit + "; it runs as user " + SystemdUnit.USER + ", which must"
          + " exist and read the client key; then: systemctl daemon-reload && systemctl enable"
          + " --now etcd-warden");
      out.flush();
      return 0;
    }
    BackupSection backup = store == null ? config.backup() : config.backup().withTarget(store);
    DaemonSection daemon = config.daemon();
    if (listen != null) {
      URI address = DaemonAddress.parse(listen, "--listen");
      daemon = daemon.withListen(address.getHost(), address.getPort());
    }
    if (metricsListen != null) {
      DaemonAddress.parse(metricsListen, "--metrics-listen");
      daemon = daemon.withMetricsListen(metricsListen);
    }
    SignalStop stop = new SignalStop();
    try (WardenDaemon running = WardenDaemon.start(DaemonSettings.of(etcd.resolve(env), backup,
        daemon, WardenVersion.version()).withMaintenance(config.maintenance(),
            config.maintenance().etcdConfig().map(MemberQuota::read)
                .orElse(MemberQuota.ETCD_DEFAULT_BYTES)),
        drills(backup, env.variables()))) {
      out.println("etcd-warden daemon listening on " + running.address().getHostString() + ":"
          + running.address().getPort());
      out.flush();
      stop.await();
    }
    return 0;
  }

  /**
   * The restore drill the daemon runs on backup.drill_schedule: {@code snapshots drill} of the
   * newest archive in backup.target, in a scratch folder under the system temp directory.
   */
  static Optional<ScheduledDrill> drills(BackupSection backup, Map<String, String> variables) {
    if (backup.drillCronSchedule().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> target = backup.target().map(URI::toString);
    Optional<AgeIdentity> identity = ArchiveKeys.identity(null, backup);
    Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
    return Optional.of(() -> {
      SnapshotDrill.Outcome o = new SnapshotDrill(variables, scratch)
          .run("latest", target, false, false, identity);
      return new ScheduledDrill.Report(o.passed(), (o.passed() ? "PASS " : "FAIL ")
          + o.archive() + ": " + o.problem().orElse(o.checks()) + o.rto().map(d -> "; rto "
          + d.toMillis() / 1000.0 + " s").orElse(""), o.rto(), o.rtoHealthy());
    });
  }

  /** This distribution's launcher, for the unit's ExecStart. */
  static final class Launcher {
    private Launcher() {}

    static Path path(Path given) {
      if (given != null) {
        if (!given.isAbsolute()) {
          throw WardenException.badInput("--launcher: '" + given + "' must be an absolute path");
        }
        return given;
      }
      String home = System.getProperty("etcd_warden.home");
      if (home == null) {
        throw WardenException.badInput("--launcher: give the absolute path of bin/etcd-warden"
            + " (not run from an installed launcher)");
      }
      return Path.of(home, "bin", "etcd-warden");
    }
  }
}
