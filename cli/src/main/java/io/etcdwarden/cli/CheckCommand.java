package io.etcdwarden.cli;

import io.etcdwarden.plugins.options.WardenVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code etcd-warden check}: the Nagios plugins. Each subcommand prints plugin text and exits
 * 0 OK, 1 WARNING, 2 CRITICAL or 3 UNKNOWN; bad arguments are UNKNOWN, never a page.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    versionProvider = WardenVersion.class,
    description = "Nagios plugins: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
    subcommands = {CheckClusterCommand.class, CheckBackupCommand.class})
final class CheckCommand implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing check, e.g. cluster");
  }
}
