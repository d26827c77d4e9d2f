package io.etcdwarden.cli;

import io.etcdwarden.core.Redaction;
import io.etcdwarden.core.WardenException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to one line on stderr and an exit code: the operator's mistakes (bad flag,
 * config, file) exit 2, failed operations exit 1. Stack traces, and the libraries' own messages
 * behind an operator's line, are printed only when {@code ETCD_WARDEN_DEBUG} is set.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    command.getErr().println("etcd-warden: " + message(failure));
    if (System.getenv("ETCD_WARDEN_DEBUG") != null) {
      // The logger writes to stderr (simplelogger.properties), stack trace included: for an
      // operator's failure, the library's own words in its cause (an SDK's message).
      if (!(failure instanceof WardenException)) {
        LoggerFactory.getLogger(FailureHandler.class).error("internal error", failure);
      } else if (failure.getCause() != null) {
        LoggerFactory.getLogger(FailureHandler.class).error("cause", failure.getCause());
      }
    }
    command.getErr().flush();
    return exitCode(failure);
  }

  static int exitCode(Throwable failure) {
    if (failure instanceof WardenException w) {
      return w.kind() == WardenException.Kind.BAD_INPUT ? USAGE : FAILED;
    }
    if (failure instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return FAILED;
  }

  private static String message(Throwable failure) {
    if (failure instanceof WardenException) {
      return failure.getMessage();
    }
    return "internal error: " + Redaction.userInfo(String.valueOf(failure))
        + " (this is a bug; set ETCD_WARDEN_DEBUG=1 for a stack trace and report it)";
  }
}
