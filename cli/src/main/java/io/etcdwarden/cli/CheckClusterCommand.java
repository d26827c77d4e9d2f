package io.etcdwarden.cli;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.checks.cluster.CertificateExpiry;
import io.etcdwarden.checks.cluster.ClusterCheck;
import io.etcdwarden.checks.cluster.ClusterThresholds;
import io.etcdwarden.checks.cluster.ExtraCondition;
import io.etcdwarden.checks.cluster.LeaderChanges;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 */
@Command(name = "cluster", description = "check_etcd_cluster: see 'check cluster -h'.")
final class CheckClusterCommand implements Callable<Integer> {
  static final String SERVICE = "ETCD_CLUSTER";

  @Unmatched List<String> args = new ArrayList<>();
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  CheckClusterCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ClusterCheckOptions options = new ClusterCheckOptions();
    CommandLine parser = new CommandLine(options);
    parser.setOut(out);
    try {
      CommandLine.ParseResult parsed = parser.parseArgs(args.toArray(String[]::new));
      if (CommandLine.printHelpIfRequested(parsed)) {
        return 0;
      }
      Duration deadline = options.deadline();
      var thresholds = options.thresholds();
      EtcdTarget target = options.target.resolve(env);
      // Two rounds of calls (member list, then statuses in parallel) must fit the deadline.
      EtcdTarget perCall = new EtcdTarget(target.endpoints(), target.caFile(), target.certFile(),
          target.keyFile(), deadline.multipliedBy(2).dividedBy(5), target.origins());
      EtcdClients clients = new EtcdClients(perCall);
      return PluginRun.run(SERVICE, () -> {
        try (clients) {
          return ClusterCheck.evaluate(new ClusterSurvey(clients, perCall, Clock.systemUTC())
              .survey(), thresholds, extras(options, perCall, thresholds));
        }
      }, deadline, options.verbose.length, out);
    } catch (CommandLine.ParameterException e) {
      return PluginRun.print(SERVICE, CheckResult.of(State.UNKNOWN, e.getMessage()), 0, out);
    } catch (WardenException e) {
      return PluginRun.print(SERVICE, PluginRun.failed(e), 0, out);
    }
  }

  /** Conditions that read files: certificate expiry, and leader changes with a state file. */
  private static List<ExtraCondition> extras(ClusterCheckOptions options, EtcdTarget target,
      ClusterThresholds thresholds) {
    List<Path> certificates = new ArrayList<>();
    target.caFile().ifPresent(certificates::add);
    target.certFile().ifPresent(certificates::add);
    List<ExtraCondition> extras = new ArrayList<>();
    extras.add(new CertificateExpiry(certificates, thresholds.certDaysLeft(),
        Clock.systemUTC(), target.timeout().dividedBy(2)));
    extras.add(options.stateFile == null
        ? report -> CheckResult.skipped("leader changes not counted: no --state-file")
        : new LeaderChanges(options.stateFile, thresholds.leaderChanges(), Clock.systemUTC(),
            LeaderChanges.DEFAULT_WINDOW));
    return extras;
  }
}
