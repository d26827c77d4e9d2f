package io.etcdwarden.cli;

import io.etcdwarden.checks.health.HealthJson;
import io.etcdwarden.checks.health.HealthTable;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.output.Printable;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code etcd-warden health}: a table of every member and a one-line verdict; exit 0 healthy. */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Show every member's health, leader, version, DB size and raft position.",
        "Exit 0 when every member is healthy and they agree on a leader, 1 otherwise."})
final class HealthCommand implements Callable<Integer> {
  @Mixin TargetOptions target;
  @Mixin OutputOptions output;
  private final Environment env;

  HealthCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    output.format();
    EtcdTarget resolved = target.resolve(env);
    ClusterReport report;
    try (EtcdClients clients = new EtcdClients(resolved)) {
      report = new ClusterSurvey(clients, resolved, Clock.systemUTC()).survey();
    }
    output.print(Printable.of(HealthTable.render(report), HealthJson.document(report)));
    return report.healthy() ? 0 : FailureHandler.FAILED;
  }
}
