package io.etcdwarden.plugins;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.cluster.ClusterCheck;
import io.etcdwarden.checks.cluster.ClusterExtras;
import io.etcdwarden.checks.cluster.ExtraCondition;
import io.etcdwarden.checks.cluster.LiveSurvey;
import io.etcdwarden.checks.warm.CachedSurvey;
import io.etcdwarden.checks.warm.DaemonCache;
import io.etcdwarden.checks.warm.WarmSource;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.core.daemon.DaemonAddress;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Nagios plugin {@code check_etcd_cluster} ({@code etcd-warden check cluster}): parses its
 * own arguments with {@link ClusterCheckOptions}, so every bad argument is one plugin line,
 * {@code ETCD_CLUSTER UNKNOWN: ...}, on stdout (where NRPE reads it), exit 3, never a usage
 * error that Nagios would read as CRITICAL. It asks the local daemon first (the warm path) and
 * uses its survey only when it is fresh enough, else checks live within the deadline; the first
 * detail line says which survey was judged. The daemon runs the same plugin against its own
 * cache through {@link ClusterPluginRuns}.
 */
public final class ClusterPlugin {
  static final String SERVICE = "ETCD_CLUSTER";

  private ClusterPlugin() {}

  /** One run with the process's arguments and environment; prints it, returns the exit code. */
  public static int run(List<String> args, Environment env, PrintWriter out) {
    return run(args, env, out, WarmSource.OVER_HTTP);
  }

  /** As {@link #run(List, Environment, PrintWriter)}, the daemon's survey from {@code warm}. */
  static int run(List<String> args, Environment env, PrintWriter out, WarmSource warm) {
    return PluginRun.parsing(SERVICE, new ClusterCheckOptions(), args, out, options -> {
      Duration deadline = options.deadline();
      var thresholds = options.thresholds();
      EtcdTarget target = options.target.resolve(env);
      EtcdTarget perCall = LiveSurvey.perCall(target, deadline);
      DaemonCache.Answer cached = warmPath(options, target, warm);
      if (cached.survey().isPresent()) {
        CachedSurvey survey = cached.survey().get();
        return PluginRun.print(SERVICE, withDetail(ClusterCheck.evaluate(survey.report(),
            thresholds, ClusterExtras.of(perCall, thresholds,
                Optional.ofNullable(options.stateFile), Clock.systemUTC(),
                Optional.of(survey.serverExpiry()))), cached.detail()),
            options.verbose.length, out);
      }
      warm.beforeLive(cached.detail());
      List<ExtraCondition> extras = ClusterExtras.of(perCall, thresholds,
          Optional.ofNullable(options.stateFile), Clock.systemUTC());
      // Load and check the TLS files before the deadline starts counting.
      EtcdClients clients = new EtcdClients(perCall);
      return PluginRun.run(SERVICE, () -> {
        try (clients) {
          return withDetail(ClusterCheck.evaluate(new ClusterSurvey(clients, perCall,
              Clock.systemUTC()).survey(), thresholds, extras), cached.detail());
        }
      }, deadline, options.verbose.length, out);
    });
  }

  /** The daemon's survey when it is fresh enough, else why the check runs live. */
  private static DaemonCache.Answer warmPath(ClusterCheckOptions options, EtcdTarget target,
      WarmSource warm) {
    if (options.noDaemon) {
      return new DaemonCache.Answer(Optional.empty(), "live check: --no-daemon");
    }
    DaemonSection section = options.target.loadConfig().daemon();
    String listen = options.daemon != null ? options.daemon : section.listen();
    URI base = DaemonAddress.parse(listen, "--daemon");
    Duration maxAge = options.maxCacheAge != null
        ? Durations.parse(options.maxCacheAge, "--max-cache-age")
        : section.healthInterval().multipliedBy(2);
    return warm.ask(new WarmSource.RunFiles(options.target.config(),
        Optional.ofNullable(options.stateFile)), target, base, maxAge);
  }

  private static CheckResult withDetail(CheckResult result, String line) {
    List<String> details = new ArrayList<>();
    details.add(line);
    details.addAll(result.details());
    return new CheckResult(result.state(), result.summary(), details, result.perfdata(),
        result.children());
  }
}
