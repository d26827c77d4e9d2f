package io.etcdwarden.cli;

import io.etcdwarden.plugins.options.WardenVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code etcd-warden nrpe render|install}: the NRPE command file and the Nagios service export
 * for {@code check_etcd_cluster}, with the charm's {@code nagios_context} rules.
 */
@Command(name = "nrpe", mixinStandardHelpOptions = true, versionProvider = WardenVersion.class,
    description = "NRPE command files and Nagios service definitions for the checks.",
    subcommands = {NrpeRenderCommand.class, NrpeInstallCommand.class})
final class NrpeCommand implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: render or "
        + "install");
  }
}
