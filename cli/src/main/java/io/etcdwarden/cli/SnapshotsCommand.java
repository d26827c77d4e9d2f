package io.etcdwarden.cli;

import picocli.CommandLine.Command;

/** {@code etcd-warden snapshots list|verify|prune}: the archives already in a store. */
@Command(name = "snapshots", mixinStandardHelpOptions = true,
    description = "List, verify or prune the snapshot archives at --target.",
    subcommands = {SnapshotsListCommand.class, SnapshotsVerifyCommand.class,
        SnapshotsPruneCommand.class, SnapshotsDrillCommand.class,
        SnapshotsReencryptCommand.class})
final class SnapshotsCommand extends GroupCommand {
}
