package io.etcdwarden.plugins;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.Redaction;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.nrpe.PluginOutput;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs one check as a Nagios plugin: within the deadline, whatever happens. A check
 * that does not finish in time is CRITICAL (the cluster did not answer); a {@link
 * WardenException} of the operator's input is UNKNOWN, a failed operation CRITICAL; a bug is
 * UNKNOWN. Prints the plugin text and returns its exit code.
 */
final class PluginRun {
  /** Time kept back from the deadline for printing and exiting. */
  private static final Duration MARGIN = Duration.ofMillis(300);

  private PluginRun() {}

  /** What a plugin does with its parsed options; returns the exit code. */
  @FunctionalInterface
  interface Body<T> {
    int run(T options);
  }

  /**
   * Parses a plugin's own arguments into {@code options} and runs {@code body} with them:
   * {@code -h} prints the help (exit 0); a bad argument, or a {@link WardenException} before the
   * check runs, is one plugin line (UNKNOWN for the operator's input, exit 3), never picocli's
   * usage text and exit 2.
   */
  static <T> int parsing(String service, T options, List<String> args, PrintWriter out,
      Body<T> body) {
    CommandLine parser = new CommandLine(options);
    parser.setOut(out);
    try {
      if (CommandLine.printHelpIfRequested(parser.parseArgs(args.toArray(String[]::new)))) {
        return 0;
      }
      return body.run(options);
    } catch (CommandLine.ParameterException e) {
      return print(service, CheckResult.of(State.UNKNOWN, e.getMessage()), 0, out);
    } catch (WardenException e) {
      return print(service, failed(e), 0, out);
    }
  }

  /** Runs {@code check} (which opens and closes what it needs) and prints its verdict. */
  static int run(String service, Supplier<CheckResult> check, Duration deadline, int verbosity,
      PrintWriter out) {
    CompletableFuture<CheckResult> running = CompletableFuture.supplyAsync(check,
        PluginRun::daemon);
    long waitMs = Math.max(100, deadline.minus(MARGIN).toMillis());
    CheckResult result;
    try {
      result = running.get(waitMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result = CheckResult.of(State.CRITICAL, "no answer within " + deadline.toMillis() / 1000.0
          + " s (-t)");
    } catch (ExecutionException e) {
      result = failed(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = CheckResult.of(State.UNKNOWN, "interrupted");
    }
    return print(service, result, verbosity, out);
  }

  static int print(String service, CheckResult result, int verbosity, PrintWriter out) {
    State state = result.overall();
    List<String> details = new ArrayList<>(result.details());
    if (verbosity > 0) {
      for (CheckResult child : result.children()) {
        details.add("[" + child.overall() + "] " + child.summary());
        child.summariesIn(State.WARNING).forEach(s -> details.add("  [WARNING] " + s));
        child.summariesIn(State.CRITICAL).forEach(s -> details.add("  [CRITICAL] " + s));
        child.summariesIn(State.UNKNOWN).forEach(s -> details.add("  [UNKNOWN] " + s));
      }
    }
    out.print(PluginOutput.render(service, state.name(), result.summary(),
        result.allPerfdata().stream().map(Perfdata::render).toList(), details));
    out.flush();
    return state.exitCode();
  }

  static CheckResult failed(Throwable failure) {
    if (failure instanceof WardenException w) {
      return CheckResult.of(w.kind() == WardenException.Kind.BAD_INPUT ? State.UNKNOWN
          : State.CRITICAL, w.getMessage());
    }
    return CheckResult.of(State.UNKNOWN, "internal error: "
        + Redaction.userInfo(String.valueOf(failure)));
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "plugin-check");
    thread.setDaemon(true);
    thread.start();
  }
}
