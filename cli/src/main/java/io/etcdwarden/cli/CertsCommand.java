package io.etcdwarden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code etcd-warden certs status|renew}: see and renew the certificates of a cluster. */
@Command(name = "certs", mixinStandardHelpOptions = true,
    description = "See every certificate this host holds or its members serve, and renew them.",
    subcommands = {CertsStatusCommand.class, CertsRenewCommand.class})
final class CertsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing command: status or renew");
  }
}
