package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.daemon.DaemonAddress;
import io.etcdwarden.core.daemon.DaemonClient;
import io.etcdwarden.daemon.DaemonStatus;
import io.etcdwarden.daemon.DaemonStatusView;
import io.etcdwarden.plugins.options.TargetOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.format();
    String listen = daemon != null ? daemon : etcd.loadConfig().daemon().listen();
    DaemonStatus status = fetch(new DaemonClient(DaemonAddress.parse(listen, "--daemon"),
        CONNECT_TIMEOUT, READ_TIMEOUT), listen);
    output.print(new DaemonStatusView(status));
    return 0;
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
