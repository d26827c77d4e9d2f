package io.etcdwarden.cli;

import picocli.CommandLine.Command;

/** {@code etcd-warden maintenance status}: the members' databases as maintenance sees them. */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
    description = "Database sizes, fragmentation, quota, alarms and revisions per member.",
    subcommands = {MaintenanceStatusCommand.class})
final class MaintenanceCommand extends GroupCommand {
}
