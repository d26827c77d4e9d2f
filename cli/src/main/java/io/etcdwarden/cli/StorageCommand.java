package io.etcdwarden.cli;

import io.etcdwarden.core.config.Durations;
import io.etcdwarden.installer.storage.StorageMover;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden storage attach}: move a member's data onto a mounted volume. */
@Command(name = "storage", mixinStandardHelpOptions = true,
    description = "Storage for an installed member.",
    subcommands = StorageCommand.Attach.class)
final class StorageCommand {

  /** Stop, copy with verification, switch, start, check health; the old data is kept. */
  @Command(name = "attach", mixinStandardHelpOptions = true,
      description = {"Move the member's etcd data onto a mounted volume (MOUNT/NAME).",
          "Never formats or mounts; keeps the old data for you to delete."})
  static final class Attach implements Callable<Integer> {
    @Option(names = "--mount", required = true, paramLabel = "DIR",
        description = "Mount point of the attached volume, e.g. /media/etcd.")
    Path mount;
    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
        description = "Folder of the member installed by 'install'.")
    Path dataDir;
    @Option(names = "--wait", defaultValue = "60s", paramLabel = "DURATION",
        description = "How long to wait for health after the move (default: ${DEFAULT-VALUE}).")
    String wait;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      StorageMover.Moved moved = new StorageMover(Path.of("/proc/self/mountinfo"))
          .attach(dataDir, mount, Durations.parse(wait, "--wait"));
      PrintWriter out = spec.commandLine().getOut();
      out.println("storage attach: " + moved.files() + " files (" + moved.bytes()
          + " bytes) copied and verified to " + moved.to() + "; member healthy");
      out.println("  old data kept in " + moved.from() + "; delete it once you are satisfied");
      out.flush();
      return 0;
    }
  }
}
