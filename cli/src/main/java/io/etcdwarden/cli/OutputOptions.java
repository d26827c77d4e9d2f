package io.etcdwarden.cli;

import io.etcdwarden.core.endpoint.EtcdctlVariables;
import io.etcdwarden.core.output.OutputFormat;
import io.etcdwarden.core.output.OutputWriter;
import io.etcdwarden.core.output.Printable;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -w/--write-out table|json|fields} for every command that prints data, as etcdctl has
 * it, with {@code ETCDCTL_WRITE_OUT} below the flag and {@code --json} kept as the older name of
 * {@code -w json}. An unknown format is a usage error naming the choices.
 */
final class OutputOptions {
  @Option(names = {"-w", "--write-out"}, paramLabel = "FORMAT",
      description = "Output format: table (default), json or fields (also ETCDCTL_WRITE_OUT).")
  String writeOut;

  @Option(names = "--json", description = "Same as -w json (older name).")
  boolean json;

  @Spec(Spec.Target.MIXEE) CommandLine.Model.CommandSpec spec;
  private final Environment env;

  OutputOptions(Environment env) {
    this.env = env;
  }

  OutputOptions() {
    this(new Environment(Map.of()));
  }

  /** The chosen format: flag, else {@code --json}, else the environment, else table. */
  OutputFormat format() {
    if (writeOut != null) {
      OutputFormat chosen = parse(writeOut, "-w/--write-out");
      if (json && chosen != OutputFormat.JSON) {
        throw usage("--json is -w json: give one of --json or -w " + chosen.flagValue());
      }
      return chosen;
    }
    if (json) {
      return OutputFormat.JSON;
    }
    return EtcdctlVariables.writeOut(env.variables())
        .map(fromEnv -> parse(fromEnv, EtcdctlVariables.ETCDCTL_WRITE_OUT))
        .orElse(OutputFormat.TABLE);
  }

  /**
   * Where lines beside the data go (which archive was chosen and why): stdout under a table,
   * stderr when stdout carries a document that must parse.
   */
  PrintWriter notes() {
    return format() == OutputFormat.TABLE ? spec.commandLine().getOut()
        : spec.commandLine().getErr();
  }

  /** Prints {@code what} in the chosen format on the command's stdout. */
  void print(Printable what) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(new OutputWriter(format()).render(what));
    out.flush();
  }

  private OutputFormat parse(String text, String origin) {
    return OutputFormat.named(text).orElseThrow(() -> usage(origin + ": unknown format '"
        + text + "'; give " + OutputFormat.choices()));
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
