package io.etcdwarden.cli;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.maintenance.ClusterReader;
import io.etcdwarden.maintenance.ClusterReading;
import io.etcdwarden.maintenance.StatusView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden maintenance status [--json]}: one row per member. Exit 0, 1 failed. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Per member: DB size, in use, fragmentation, % of quota, alarms, leader.")
final class MaintenanceStatusCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;
  @Mixin QuotaOption quota;
  @Mixin TargetOptions etcd;
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  MaintenanceStatusCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try (EtcdClients clients = new EtcdClients(etcd.resolve(env))) {
      ClusterReading reading = new ClusterReader(clients).read(quota.bytes());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(StatusView.json(reading));
      } else {
        StatusView.lines(reading).forEach(out::println);
      }
      out.flush();
      return 0;
    }
  }
}
