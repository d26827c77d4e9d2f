package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.daemon.DaemonAddress;
import io.etcdwarden.core.daemon.DaemonClient;
import io.etcdwarden.daemon.DaemonStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden status}: the local daemon's jobs, last and next runs, last results. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the daemon's jobs: schedule, last run and result, next run.")
final class StatusCommand implements Callable<Integer> {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
  private static final int MAX_STATUS_BYTES = 4 << 20;

  @Mixin TargetOptions etcd;

  @Option(names = "--daemon", paramLabel = "HOST:PORT",
      description = "The daemon's endpoint (default: daemon.listen, 127.0.0.1:2389).")
  String daemon;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String listen = daemon != null ? daemon : etcd.loadConfig().daemon().listen();
    DaemonStatus status = fetch(new DaemonClient(DaemonAddress.parse(listen, "--daemon"),
        CONNECT_TIMEOUT, READ_TIMEOUT), listen);
    PrintWriter out = spec.commandLine().getOut();
    out.println("daemon " + status.instance() + " on " + status.listen() + ", up since "
        + status.startedAt());
    out.println(String.format("%-9s %-26s %-9s %-24s %-24s %s", "JOB", "SCHEDULE", "LAST",
        "LAST RUN", "NEXT RUN", "RESULT"));
    for (DaemonStatus.Job j : status.jobs()) {
      out.println(String.format("%-9s %-26s %-9s %-24s %-24s %s", j.name(), j.schedule(),
          j.lastOutcome().isEmpty() ? "-" : j.lastOutcome(), dash(j.lastStart()),
          dash(j.nextRun()), j.lastResult() + "  (runs " + j.runs() + ", failures "
              + j.failures() + ", missed " + j.misfires() + ")"));
    }
    out.flush();
    return 0;
  }

  private static String dash(String s) {
    return s.isEmpty() ? "-" : s.length() > 19 ? s.substring(0, 19) + "Z" : s;
  }

  private static DaemonStatus fetch(DaemonClient daemon, String listen) {
    try {
      return DaemonStatus.fromJson(daemon.get(DaemonStatus.PATH, MAX_STATUS_BYTES)
          .orElseThrow(() -> new IOException("HTTP 503")));
    } catch (IOException e) {
      throw WardenException.retryable("daemon not reachable at " + listen + " (" + e.getMessage()
          + "); is 'etcd-warden daemon' running? (systemctl status etcd-warden)", e);
    }
  }
}
