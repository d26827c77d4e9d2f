package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.daemon.DaemonStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden status}: the local daemon's jobs, last and next runs, last results. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the daemon's jobs: schedule, last run and result, next run.")
final class StatusCommand implements Callable<Integer> {
  @Mixin TargetOptions etcd;

  @Option(names = "--daemon", paramLabel = "HOST:PORT",
      description = "The daemon's endpoint (default: daemon.listen, 127.0.0.1:2389).")
  String daemon;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String listen = daemon != null ? daemon : etcd.loadConfig().daemon().listen();
    URI base = DaemonAddress.parse(listen, "--daemon");
    DaemonStatus status = fetch(base.resolve("/v1/status"), listen);
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

  private static DaemonStatus fetch(URI url, String listen) {
    try {
      HttpURLConnection http = (HttpURLConnection) url.toURL().openConnection();
      http.setConnectTimeout(1000);
      http.setReadTimeout(3000);
      try (InputStream in = http.getInputStream()) {
        return DaemonStatus.fromJson(in.readAllBytes());
      } finally {
        http.disconnect();
      }
    } catch (IOException e) {
      throw WardenException.retryable("daemon not reachable at " + listen + " (" + e.getMessage()
          + "); is 'etcd-warden daemon' running? (systemctl status etcd-warden)", e);
    }
  }
}
