package io.etcdwarden.cli;

import io.etcdwarden.backup.AgeKeyGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden keys generate}: age keys for encrypted archives. */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "age keys for encrypted archives (backup.encrypt_to, backup.identity_file).",
    subcommands = KeysCommand.Generate.class)
final class KeysCommand extends GroupCommand {

  /** Writes a new identity (0600, never over an existing file) and prints its recipient. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {"Write a new age identity to --output (mode 0600; an existing file is never"
          + " overwritten) and print its recipient (age1...) for backup.encrypt_to.",
          "Keep the identity off the hosts that only take backups."})
  static final class Generate implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "FILE",
        description = "The identity file to create.")
    Path output;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      String recipient = new AgeKeyGenerator(Clock.systemUTC()).generate(output);
      spec.commandLine().getOut().println(recipient);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
