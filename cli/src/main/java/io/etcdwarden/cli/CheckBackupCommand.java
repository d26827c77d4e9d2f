package io.etcdwarden.cli;

import io.etcdwarden.plugins.BackupPlugin;
import io.etcdwarden.plugins.options.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code etcd-warden check backup}, also installed as {@code check_etcd_backup}: hands its raw
 * arguments to the plugin ({@link BackupPlugin}), which, like {@link CheckClusterCommand}'s,
 * makes every bad argument one UNKNOWN line, exit 3.
 */
@Command(name = "backup", description = "check_etcd_backup: see 'check backup -h'.")
final class CheckBackupCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  CheckBackupCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    return BackupPlugin.run(args, env, spec.commandLine().getOut());
  }
}
