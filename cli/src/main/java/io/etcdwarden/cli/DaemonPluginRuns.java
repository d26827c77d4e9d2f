package io.etcdwarden.cli;

import io.etcdwarden.checks.warm.CachedRun;
import io.etcdwarden.checks.warm.CallerAccess;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.daemon.PluginAnswerer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What {@code etcd-warden daemon} hands its endpoint for the plugin's shell fast path: the very
 * {@code check cluster} command (picocli, the same options and rendering), run in-process with
 * its output captured and the daemon's cached survey injected through {@link CachedRun}. It
 * answers only when the run judged that cache; help, version, bad arguments, a stale cache and
 * everything else that would print something else are left to the plugin process, and so is a
 * run naming a file its caller could not read or rewrite itself ({@link CallerAccess}).
 */
final class DaemonPluginRuns implements PluginAnswerer {
  private static final int NOT_SERVED = -1;
  private final Clock clock;
  private final int daemonUid;

  DaemonPluginRuns(Clock clock) {
    this.clock = clock;
    this.daemonUid = CallerAccess.daemonUid();
  }

  /**
   * Loads the plugin's option model once at start-up, so the first run the script asks for is
   * answered well within its curl limit instead of timing out into a JVM start as well.
   */
  DaemonPluginRuns warmedUp() {
    new CommandLine(new ClusterCheckOptions()).parseArgs("-v");
    return this;
  }

  @Override
  public Optional<Answer> answer(Request request) {
    CachedRun warm = new CachedRun(request.survey(), request.listenHost(), request.port(),
        clock, new CallerAccess(request.callerUid(), daemonUid));
    // The run reads its config before it asks for the survey: judge that file first.
    try {
      ClusterCheckOptions options = new ClusterCheckOptions();
      new CommandLine(options).parseArgs(request.args().toArray(String[]::new));
      Path config = options.target.config != null ? options.target.config
          : Path.of(WardenConfig.DEFAULT_PATH);
      if (options.target.config != null || Files.exists(config)) {
        warm.readable(List.of(config));
      }
    } catch (CommandLine.ParameterException | CachedRun.NotServed e) {
      return Optional.empty();
    }
    StringWriter text = new StringWriter();
    CommandLine cli = new CommandLine(new CheckClusterCommand(new Environment(request.env()),
        warm));
    cli.setOut(new PrintWriter(text));
    cli.setErr(new PrintWriter(Writer.nullWriter()));
    cli.setExecutionExceptionHandler((e, command, parsed) -> NOT_SERVED);
    cli.setParameterExceptionHandler((e, args) -> NOT_SERVED);
    int code = cli.execute(request.args().toArray(String[]::new));
    boolean restored = warm.restoreStateFile();
    String out = text.toString();
    if (!warm.served() || !restored || code < 0 || code > 3 || !out.endsWith("\n")
        || out.endsWith("\n\n")) {
      return Optional.empty();
    }
    return Optional.of(new Answer(code, out));
  }
}
