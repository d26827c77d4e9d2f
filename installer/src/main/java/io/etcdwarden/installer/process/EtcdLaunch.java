package io.etcdwarden.installer.process;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Launching etcd as a child process: {@code etcd --config-file}, after checking that the binary
 * and the config exist, with stdout and stderr appended straight to a log file (no pipe that
 * could fill up and stall etcd) and stdin closed. Optionally in a session of its own through
 * {@code setsid}, which execs in place so the pid stays etcd's.
 */
final class EtcdLaunch {
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private EtcdLaunch() {}

  /** The command prefix that puts etcd in a new session, or none where setsid is missing. */
  static List<String> newSession() {
    return Files.isExecutable(SETSID) ? List.of(SETSID.toString()) : List.of();
  }

  /** Starts {@code prefix etcd --config-file configFile}, its output appended to logFile. */
  static Process launch(List<String> prefix, Path etcdBinary, Path configFile, Path logFile) {
    if (!Files.isRegularFile(configFile)) {
      throw WardenException.badInput(
          "etcd config file " + configFile + " does not exist; render and write it first");
    }
    if (!Files.isExecutable(etcdBinary)) {
      throw WardenException.badInput(
          "etcd binary " + etcdBinary + " is missing or not executable; check ETCD_BIN or PATH");
    }
    try {
      Path logDir = logFile.toAbsolutePath().getParent();
      Files.createDirectories(logDir);
      ProcessBuilder builder =
          new ProcessBuilder(command(prefix, etcdBinary, configFile))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      Process process = builder.start();
      // etcd reads nothing from stdin; closing it keeps the JVM from holding a pipe open.
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      throw new WardenException(
          "cannot start " + etcdBinary + " with log " + logFile + ": " + e.getMessage(), e);
    }
  }

  private static List<String> command(List<String> prefix, Path etcdBinary, Path configFile) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(etcdBinary.toString(), "--config-file", configFile.toString()));
    return command;
  }
}
