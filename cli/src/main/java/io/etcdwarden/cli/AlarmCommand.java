package io.etcdwarden.cli;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.maintenance.AlarmDesk;
import io.etcdwarden.maintenance.AlarmListView;
import io.etcdwarden.core.output.Printable;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden alarm list|disarm}: etcd's alarms; disarm refuses while a DB is still at its
 * quota. Exit 0 done, 1 failed or refused.
 */
@Command(name = "alarm", mixinStandardHelpOptions = true,
    description = {"List etcd's alarms, or disarm NOSPACE once its cause is gone.",
        "Exit 0 done, 1 failed or refused, 2 bad input."})
final class AlarmCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "list|disarm", description = "What to do.")
  String action;
  @Mixin QuotaOption quota;
  @Mixin TargetOptions etcd;
  @Mixin OutputOptions output;
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  AlarmCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (!action.equals("list") && !action.equals("disarm")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown alarm action '" + action + "': give list or disarm");
    }
    output.format();
    try (EtcdClients clients = new EtcdClients(etcd.resolve(env))) {
      AlarmDesk desk = new AlarmDesk(clients);
      if (action.equals("list")) {
        output.print(AlarmListView.of(desk));
      } else {
        List<String> disarmed = desk.disarm(quota.bytes());
        output.print(Printable.of(disarmed.isEmpty() ? "no alarms to disarm\n"
            : String.join("\n", disarmed) + "\n", Map.of("disarmed", disarmed)));
      }
      return 0;
    }
  }
}
