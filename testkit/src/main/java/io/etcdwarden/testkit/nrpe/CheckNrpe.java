package io.etcdwarden.testkit.nrpe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real NRPE client, Debian's {@code check_nrpe} (nagios-nrpe-plugin), as a Nagios server
 * runs it: its exit code is the state Nagios would record, its stdout what Nagios would show.
 */
public final class CheckNrpe {
  public static final Path CHECK_NRPE = Path.of("/usr/lib/nagios/plugins/check_nrpe");
  /** check_nrpe's own timeout; it answers CRITICAL (or UNKNOWN with -u) when it passes. */
  private static final int TIMEOUT_SECONDS = 30;

  private CheckNrpe() {}

  /** What check_nrpe printed and exited with. */
  public record Answer(int exitCode, String output) {}

  public static Answer query(int port, String command) {
    try {
      Process process = new ProcessBuilder(CHECK_NRPE.toString(), "-n", "-H", "127.0.0.1",
          "-p", Integer.toString(port), "-t", Integer.toString(TIMEOUT_SECONDS), "-c", command)
          .redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS + 5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("check_nrpe did not exit");
      }
      return new Answer(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + CHECK_NRPE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for check_nrpe", e);
    }
  }
}
