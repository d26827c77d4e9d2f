package io.etcdwarden.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code ca}, {@code certs}, {@code snapshots}...): run
 * without one, it is a usage error (exit 2) naming the subcommands in the order they are
 * declared, e.g. "missing command: render or install". Each group extends it and keeps its own
 * {@code @Command} name, description and subcommand list.
 */
@Command
abstract class GroupCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public final void run() {
    List<String> names = new ArrayList<>(spec.subcommands().keySet());
    String last = names.remove(names.size() - 1);
    String listed = names.isEmpty() ? last : String.join(", ", names) + " or " + last;
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: " + listed);
  }
}
