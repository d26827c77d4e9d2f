package io.etcdwarden.cli;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps the libraries' java.util.logging records off the terminal: gRPC logs through it, and
 * when a member is frozen or every member is down it writes SEVERE records with whole stack
 * traces ({@code ManagedChannelImpl ... uncaughtException}, "Panic!") beside the answer the
 * CLI prints itself, which NRPE and cron mail would show. The CLI reports every failure in a
 * line of its own, so those records go nowhere, unless {@code ETCD_WARDEN_DEBUG} is set: then
 * the JDK's default console handler prints them to stderr as before. (SLF4J loggers are set in
 * simplelogger.properties.)
 */
final class LibraryLogging {
  /** The root logger of java.util.logging; a strong reference keeps its level. */
  private static final Logger ROOT = Logger.getLogger("");

  private LibraryLogging() {}

  static void configure(Map<String, String> env) {
    if (env.get("ETCD_WARDEN_DEBUG") != null) {
      return;
    }
    LogManager.getLogManager().reset();
    ROOT.setLevel(Level.OFF);
  }
}
