package io.etcdwarden.cli;

import io.etcdwarden.checks.health.HealthJson;
import io.etcdwarden.checks.health.HealthTable;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden health}: a table of every member and a one-line verdict; exit 0 healthy. */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Show every member's health, leader, version, DB size and raft position.",
        "Exit 0 when every member is healthy and they agree on a leader, 1 otherwise."})
final class HealthCommand implements Callable<Integer> {
  @Mixin TargetOptions target;
  @Option(names = "--json", description = "Print JSON for machines instead of the table.")
  boolean json;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  private final Environment env;

  HealthCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    EtcdTarget resolved = target.resolve(env);
    ClusterReport report;
    try (EtcdClients clients = new EtcdClients(resolved)) {
      report = new ClusterSurvey(clients, resolved, Clock.systemUTC()).survey();
    }
    spec.commandLine().getOut().print(json ? HealthJson.render(report) : HealthTable.render(report));
    spec.commandLine().getOut().flush();
    return report.healthy() ? 0 : FailureHandler.FAILED;
  }
}
