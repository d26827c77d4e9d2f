package io.etcdwarden.cli;

import io.etcdwarden.core.config.Durations;
import io.etcdwarden.maintenance.NospaceRecovery;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code etcd-warden recover nospace}: compact, rolling defrag, disarm, prove a write works.
 * Exit 0 recovered (or nothing to do), 1 failed (says where it stopped), 2 bad input.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
    description = {"recover nospace: compact, defragment every member in turn, disarm NOSPACE,",
        "then prove a write works. Exit 0 recovered or nothing to do, 1 failed, 2 bad input."})
final class RecoverCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "nospace", description = "What to recover from.")
  String what;
  @Option(names = "--pause", paramLabel = "DURATION", defaultValue = "2s",
      description = "Pause between members (default: ${DEFAULT-VALUE}).")
  String pause;
  @Mixin GatedMaintenanceOptions maintenance;
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  RecoverCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (!what.equals("nospace")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown recovery '" + what + "': give nospace");
    }
    PrintWriter out = spec.commandLine().getOut();
    maintenance.behindBackupGate(env, out, clients -> {
      new NospaceRecovery(clients).recover(maintenance.quotaBytes(),
          Durations.parse(pause, "--pause"), line -> {
            out.println(line);
            out.flush();
          });
      out.flush();
    });
    return 0;
  }
}
