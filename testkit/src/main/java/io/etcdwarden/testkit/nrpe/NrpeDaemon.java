package io.etcdwarden.testkit.nrpe;

import io.etcdwarden.installer.local.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real NRPE daemon (Debian's {@code nagios-nrpe-server}, {@code /usr/sbin/nrpe}) in the
 * foreground on a free 127.0.0.1 port, without TLS ({@code -n}), accepting only 127.0.0.1 and
 * reading command files from an include dir. Run as root it drops to {@code nagios_user}, as in
 * production, so the checks it runs see exactly the file permissions an operator's would. Close
 * it to stop the process; its output is kept in {@code nrpe.log} beside the config.
 */
public final class NrpeDaemon implements AutoCloseable {
  public static final Path NRPE = Path.of("/usr/sbin/nrpe");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;
  private final Path dir;

  private NrpeDaemon(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts NRPE with its config in {@code dir}, running commands from {@code includeDir}. */
  public static NrpeDaemon start(Path dir, Path includeDir, String user) {
    try {
      int port = FreePorts.loopback(1).get(0);
      Path config = dir.resolve("nrpe.cfg");
      Files.writeString(config, String.join("\n",
          "log_facility=daemon",
          "pid_file=" + dir.resolve("nrpe.pid"),
          "server_address=127.0.0.1",
          "server_port=" + port,
          "nrpe_user=" + user,
          "nrpe_group=" + user,
          "allowed_hosts=127.0.0.1",
          "dont_blame_nrpe=0",
          "allow_bash_command_substitution=0",
          "command_timeout=60",
          "connection_timeout=120",
          "include_dir=" + includeDir, ""));
      Process process = new ProcessBuilder(NRPE.toString(), "-c", config.toString(), "-f", "-n")
          .redirectErrorStream(true).redirectOutput(dir.resolve("nrpe.log").toFile()).start();
      NrpeDaemon daemon = new NrpeDaemon(process, port, dir);
      daemon.awaitListening();
      return daemon;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + NRPE, e);
    }
  }

  public int port() {
    return port;
  }

  /** Runs {@code check_nrpe -c command} against this daemon. */
  public CheckNrpe.Answer query(String command) {
    return CheckNrpe.query(port, command);
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nrpe exited with " + process.exitValue() + ": "
            + Files.readString(dir.resolve("nrpe.log")));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        waitFor(Duration.ofMillis(50));
      }
    }
    close();
    throw new IllegalStateException("nrpe did not listen on 127.0.0.1:" + port + " within "
        + START_TIMEOUT);
  }

  private void waitFor(Duration pause) {
    try {
      process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting nrpe", e);
    }
  }


  /** Stops NRPE: SIGTERM, then SIGKILL after 5 s; its forked children go with it. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }
}
