package io.etcdwarden.installer.process;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks an etcd binary which release it is by running {@code etcd --version} within a bounded
 * time, and refuses, with one line naming the binary, a binary that does not answer, does not
 * print a version, or belongs to a line etcd-warden does not support. The output goes to a
 * temporary file rather than a pipe, so a binary that hangs without writing cannot block the
 * caller past the timeout.
 */
public final class EtcdVersionProbe {
  /** How long {@code etcd --version} may take; it answers in milliseconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Duration timeout;

  public EtcdVersionProbe(Duration timeout) {
    this.timeout = timeout;
  }

  public EtcdVersionProbe() {
    this(DEFAULT_TIMEOUT);
  }

  /**
   * The version {@code etcd} reports, whose line etcd-warden supports; {@code source} names
   * where the binary came from in the operator's words (a flag, a tarball) for the refusal.
   */
  public EtcdVersion supported(Path etcd, String source) {
    EtcdVersion version = version(etcd, source);
    try {
      version.line();
    } catch (WardenException e) {
      throw WardenException.badInput(source + ": " + e.getMessage(), e);
    }
    return version;
  }

  /** The version {@code etcd} reports, of whatever line. */
  public EtcdVersion version(Path etcd, String source) {
    Path output = null;
    try {
      output = Files.createTempFile("etcd-version", ".out");
      Process process = new ProcessBuilder(etcd.toString(), "--version")
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw WardenException.badInput(source + ": " + etcd + " --version did not answer"
            + " within " + timeout.toSeconds() + " s; is it an etcd binary?");
      }
      String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw WardenException.badInput(source + ": " + etcd + " --version exited with "
            + process.exitValue() + "; is it an etcd binary for this host?");
      }
      try {
        return EtcdVersion.fromVersionOutput(text, etcd.toString());
      } catch (WardenException e) {
        throw WardenException.badInput(source + ": " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw WardenException.badInput(source + ": cannot run " + etcd + " --version: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while asking " + etcd + " for its version", e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // A leftover empty temp file in /tmp harms nothing; the answer stands.
        }
      }
    }
  }
}
