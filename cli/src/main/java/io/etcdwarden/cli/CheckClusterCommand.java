package io.etcdwarden.cli;

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
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code etcd-warden check cluster}, also installed as {@code check_etcd_cluster}. It takes its
 * arguments raw and parses them with {@link ClusterCheckOptions} itself: the root command maps
 * usage errors to exit 2, which Nagios reads as CRITICAL and pages on; here every bad argument
 * is one plugin line, {@code ETCD_CLUSTER UNKNOWN: ...}, on stdout (where NRPE reads it), exit 3.
 * It asks the local daemon first (the warm path) and uses its survey only when it is fresh
 * enough; the first detail line says which survey was judged.
 */
@Command(name = "cluster", description = "check_etcd_cluster: see 'check cluster -h'.")
final class CheckClusterCommand implements Callable<Integer> {
  static final String SERVICE = "ETCD_CLUSTER";
  @Unmatched List<String> args = new ArrayList<>();
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;
  private final WarmSource warm;

  CheckClusterCommand(Environment env) {
    this(env, WarmSource.OVER_HTTP);
  }

  /** {@code warm}: where the daemon's survey comes from (the daemon itself hands it in). */
  CheckClusterCommand(Environment env, WarmSource warm) {
    this.env = env;
    this.warm = warm;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    return PluginRun.parsing(SERVICE, new ClusterCheckOptions(), args, out, options -> {
      Duration deadline = options.deadline();
      var thresholds = options.thresholds();
      EtcdTarget target = options.target.resolve(env);
      EtcdTarget perCall = LiveSurvey.perCall(target, deadline);
      DaemonCache.Answer cached = warmPath(options, target);
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
  private DaemonCache.Answer warmPath(ClusterCheckOptions options, EtcdTarget target) {
    if (options.noDaemon) {
      return new DaemonCache.Answer(Optional.empty(), "live check: --no-daemon");
    }
    DaemonSection section = options.target.loadConfig().daemon();
    String listen = options.daemon != null ? options.daemon : section.listen();
    URI base = DaemonAddress.parse(listen, "--daemon");
    Duration maxAge = options.maxCacheAge != null
        ? Durations.parse(options.maxCacheAge, "--max-cache-age")
        : section.healthInterval().multipliedBy(2);
    return warm.ask(new WarmSource.RunFiles(Optional.ofNullable(options.target.config),
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
