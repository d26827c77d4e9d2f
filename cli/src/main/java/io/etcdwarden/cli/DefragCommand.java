package io.etcdwarden.cli;

import io.etcdwarden.core.config.Durations;
import io.etcdwarden.maintenance.DefragOutcome;
import io.etcdwarden.maintenance.DefragRequest;
import io.etcdwarden.maintenance.DefragRule;
import io.etcdwarden.maintenance.RollingDefrag;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code etcd-warden defrag (--member NAME ... | --all)}: rolling defrag, one member at a time,
 * followers first, the leader last after leadership moved away, behind the backup gate.
 */
@Command(name = "defrag", mixinStandardHelpOptions = true,
    description = {"Defragment members one at a time without stopping the cluster's writes.",
        "Exit 0 done, 1 failed (stopped; says what was done), 2 refused or bad input."})
final class DefragCommand implements Callable<Integer> {
  @Option(names = "--member", paramLabel = "NAME", description = "A member to defragment.")
  List<String> members = new ArrayList<>();
  @Option(names = "--all", description = "Every member.")
  boolean all;
  @Option(names = "--rule", paramLabel = "EXPR",
      description = "Only members it selects, e.g. 'fragmentation >= 30 && free >= 64MiB'.")
  String rule;
  @Option(names = "--min-fragmentation", paramLabel = "PCT", description = "Rule: at least PCT %%.")
  Double minFragmentation;
  @Option(names = "--min-free", paramLabel = "SIZE", description = "Rule: at least SIZE free.")
  String minFree;
  @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "5s",
      description = "Pause between members (default: ${DEFAULT-VALUE}).")
  String pause;
  @Option(names = "--member-timeout", paramLabel = "DURATION", defaultValue = "5m",
      description = "Bound on one member's defrag (default: ${DEFAULT-VALUE}).")
  String memberTimeout;
  @Option(names = "--ready-wait", paramLabel = "DURATION", defaultValue = "60s",
      description = "How long the cluster may take to be healthy and caught up before and after"
          + " each member (default: ${DEFAULT-VALUE}).")
  String readyWait;
  @Mixin GatedMaintenanceOptions maintenance;
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  DefragCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (all == !members.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give --all or one or more --member NAME");
    }
    DefragRequest request = new DefragRequest(members, rule(), maintenance.quotaBytes(),
        Durations.parse(pause, "--pause"), Durations.parse(memberTimeout, "--member-timeout"),
        Durations.parse(readyWait, "--ready-wait"), false);
    PrintWriter out = spec.commandLine().getOut();
    maintenance.behindBackupGate(env, out, clients -> {
      DefragOutcome outcome = new RollingDefrag(clients).run(request, line -> {
        out.println(line);
        out.flush();
      });
      out.println("defrag: " + outcome.defragmented() + " defragmented, " + outcome.skipped()
          + " skipped");
      out.flush();
    });
    return 0;
  }

  private DefragRule rule() {
    if (rule != null && (minFragmentation != null || minFree != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give --rule or --min-fragmentation/--min-free, not both");
    }
    if (rule != null) {
      return DefragRule.parse(rule);
    }
    if (minFragmentation != null || minFree != null) {
      return DefragRule.thresholds(minFragmentation == null ? 0 : minFragmentation,
          minFree == null ? "0" : minFree);
    }
    return DefragRule.all();
  }
}
