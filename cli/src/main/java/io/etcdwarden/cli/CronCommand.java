package io.etcdwarden.cli;

import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.daemon.CronFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden cron render}: the plain-cron alternative to the daemon. */
@Command(name = "cron", mixinStandardHelpOptions = true,
    description = "The plain-cron alternative to the daemon.",
    subcommands = {CronCommand.Render.class})
final class CronCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: render");
  }

  /** Prints or writes the cron.d file for backup.schedule. */
  @Command(name = "render", mixinStandardHelpOptions = true,
      description = {"Print (or write with --output) a /etc/cron.d file that takes snapshots on",
          "backup.schedule and prunes after each, under flock -n. Install on ONE member."})
  static final class Render implements Callable<Integer> {
    // Not TargetOptions: cron render talks to no etcd, and its --user is the cron job's user.
    @Mixin ConfigOption etcd;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here, e.g. "
        + "/etc/cron.d/etcd-warden (default: print).")
    Path output;

    @Option(names = "--lock-file", paramLabel = "FILE", defaultValue = "/run/lock/etcd-warden.lock",
        description = "flock's lock file (default ${DEFAULT-VALUE}).")
    Path lockFile;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "root",
        description = "User the job runs as (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--launcher", paramLabel = "PATH", description = "The etcd-warden launcher "
        + "cron runs (default: this distribution's bin/etcd-warden).")
    Path launcher;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      WardenConfig config = etcd.load();
      Path configPath = (etcd.config != null ? etcd.config : WardenConfig.DEFAULT_FILE)
          .toAbsolutePath();
      String text = CronFile.render(config.backup(), DaemonCommand.Launcher.path(launcher), configPath,
          lockFile, user);
      PrintWriter out = spec.commandLine().getOut();
      if (output == null) {
        out.print(text);
      } else {
        new AtomicFileWriter().write(output, text.getBytes(StandardCharsets.UTF_8),
            AtomicFileWriter.WORLD_READABLE);
        out.println("wrote " + output + " (cron reads /etc/cron.d by itself)");
      }
      out.flush();
      return 0;
    }
  }
}
