package io.etcdwarden.cli;

import picocli.CommandLine.Command;

/**
 * {@code etcd-warden certs status|renew|rotate-ca|request|sign}: see, renew and rotate
 * certificates, and request and sign a member's without moving the CA key.
 */
@Command(name = "certs", mixinStandardHelpOptions = true,
    description = "See every certificate this host holds or its members serve, renew them,"
        + " and replace the CA.",
    subcommands = {CertsStatusCommand.class, CertsRenewCommand.class,
        CertsRotateCaCommand.class, CertsRequestCommand.class, CertsSignCommand.class})
final class CertsCommand extends GroupCommand {
}
