package io.etcdwarden.cli;

import io.etcdwarden.plugins.options.WardenVersion;
import picocli.CommandLine.Command;

/**
 * {@code etcd-warden nrpe render|install}: the NRPE command file and the Nagios service export
 * for {@code check_etcd_cluster}, with the charm's {@code nagios_context} rules.
 */
@Command(name = "nrpe", mixinStandardHelpOptions = true, versionProvider = WardenVersion.class,
    description = "NRPE command files and Nagios service definitions for the checks.",
    subcommands = {NrpeRenderCommand.class, NrpeInstallCommand.class})
final class NrpeCommand extends GroupCommand {
}
