package io.etcdwarden.plugins;

import io.etcdwarden.checks.warm.CachedRun;
import io.etcdwarden.checks.warm.CachedSurvey;
import io.etcdwarden.checks.warm.CallerAccess;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Whole {@code check_etcd_cluster} runs answered inside the daemon, for the plugin's shell fast
 * path ({@code GET /v1/plugin/cluster}): the very {@link ClusterPlugin} (the same options and
 * rendering), run with its output captured and the daemon's cached survey injected through
 * {@link CachedRun}. It answers only when the run judged that cache; help, version, bad
 * arguments, a stale cache and everything else that would print something else are left to the
 * plugin process (an empty answer), and so is a run naming a file its caller could not read or
 * rewrite itself ({@link CallerAccess}).
 */
public final class ClusterPluginRuns {
  private static final int NOT_SERVED = -1;
  private final Clock clock;
  private final int daemonUid;

  /** {@code clock}: the one the daemon stamps its surveys with, to judge their age. */
  public ClusterPluginRuns(Clock clock) {
    this.clock = clock;
    this.daemonUid = CallerAccess.daemonUid();
  }

  /**
   * Loads the plugin's option model once at start-up, so the first run the script asks for is
   * answered well within its curl limit instead of timing out into a JVM start as well.
   */
  public ClusterPluginRuns warmedUp() {
    new CommandLine(new ClusterCheckOptions()).parseArgs("-v");
    return this;
  }

  /** The plugin's answer to {@code request} from the daemon's survey, or empty: not served. */
  public Optional<Answer> answer(Request request) {
    CachedRun warm = new CachedRun(request.survey(), request.listenHost(), request.port(),
        clock, new CallerAccess(request.callerUid(), daemonUid));
    // The run reads its config before it asks for the survey: judge that file first.
    try {
      ClusterCheckOptions options = new ClusterCheckOptions();
      new CommandLine(options).parseArgs(request.args().toArray(String[]::new));
      Optional<Path> named = options.target.config();
      Path config = named.orElse(Path.of(WardenConfig.DEFAULT_PATH));
      if (named.isPresent() || Files.exists(config)) {
        warm.readable(List.of(config));
      }
    } catch (CommandLine.ParameterException | CachedRun.NotServed e) {
      return Optional.empty();
    }
    StringWriter text = new StringWriter();
    int code;
    try {
      code = ClusterPlugin.run(request.args(), new Environment(request.env()),
          new PrintWriter(text), warm);
    } catch (RuntimeException e) {
      // CachedRun.NotServed: the run would not judge this cache; anything else is the plugin
      // process's to report, never the daemon's. The state file gets its owner back either way.
      code = NOT_SERVED;
    }
    boolean restored = warm.restoreStateFile();
    String out = text.toString();
    if (!warm.served() || !restored || code < 0 || code > 3 || !out.endsWith("\n")
        || out.endsWith("\n\n")) {
      return Optional.empty();
    }
    return Optional.of(new Answer(code, out));
  }

  /**
   * One run to answer: {@code args} in order, {@code env} only {@code ETCDCTL_*} variables, the
   * survey the daemon holds now, and where this daemon listens ({@code listenHost} as
   * configured, {@code port} as bound) so the run can tell whether the plugin would have asked
   * this daemon at all; {@code callerUid}, the local user who asks, for whom every file the run
   * would read or write is judged ({@link CallerAccess}).
   */
  public record Request(List<String> args, Map<String, String> env, CachedSurvey survey,
      String listenHost, int port, int callerUid) {
    public Request {
      args = List.copyOf(args);
      env = Map.copyOf(env);
      Objects.requireNonNull(survey, "survey");
    }
  }

  /** The plugin's exit code (0-3) and its exact text, ending in one newline. */
  public record Answer(int exitCode, String text) {
    public Answer {
      if (exitCode < 0 || exitCode > 3) {
        throw new IllegalArgumentException("not a plugin exit code: " + exitCode);
      }
      if (!text.endsWith("\n") || text.endsWith("\n\n")) {
        throw new IllegalArgumentException("plugin text must end in exactly one newline");
      }
    }
  }
}
