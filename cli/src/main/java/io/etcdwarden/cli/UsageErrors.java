package io.etcdwarden.cli;

import io.etcdwarden.core.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A mistyped command line gets one line naming the mistake and where help is, not picocli's
 * full usage text. Under {@code check} (Nagios plugins) the line goes to stdout as an UNKNOWN
 * result and the exit code is 3: a typo in an NRPE command must not page anyone as CRITICAL.
 */
final class UsageErrors implements IParameterExceptionHandler {
  static final int PLUGIN_UNKNOWN = 3;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String help = "see '" + command.getCommandSpec().qualifiedName() + " --help'";
    if (isPlugin(command)) {
      command.getOut().println("ETCD UNKNOWN: " + Redaction.userInfo(e.getMessage()) + " ("
          + help + ")");
      command.getOut().flush();
      return PLUGIN_UNKNOWN;
    }
    command.getErr().println("etcd-warden: " + Redaction.userInfo(e.getMessage()) + " ("
        + help + ")");
    command.getErr().flush();
    return FailureHandler.USAGE;
  }

  private static boolean isPlugin(CommandLine command) {
    for (CommandLine c = command; c != null; c = c.getParent()) {
      Object each = c.getCommand();
      if (each instanceof CheckCommand || each instanceof CheckClusterCommand
          || each instanceof CheckBackupCommand) {
        return true;
      }
    }
    return false;
  }
}
