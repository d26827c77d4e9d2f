package io.etcdwarden.cli;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.output.Printable;
import io.etcdwarden.maintenance.ClusterReader;
import io.etcdwarden.maintenance.ClusterReading;
import io.etcdwarden.maintenance.StatusView;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code etcd-warden maintenance status [-w json]}: one row per member. Exit 0, 1 failed. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Per member: DB size, in use, fragmentation, %% of quota, alarms, leader.")
final class MaintenanceStatusCommand implements Callable<Integer> {
  @Mixin OutputOptions output;
  @Mixin QuotaOption quota;
  @Mixin TargetOptions etcd;
  private final Environment env;

  MaintenanceStatusCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    output.format();
    try (EtcdClients clients = new EtcdClients(etcd.resolve(env))) {
      ClusterReading reading = new ClusterReader(clients).read(quota.bytes());
      output.print(Printable.of(String.join("\n", StatusView.lines(reading)) + "\n",
          StatusView.document(reading)));
      return 0;
    }
  }
}
