package io.etcdwarden.installer.process;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Asks an etcd binary which release it is by running {@code etcd --version} within a bounded
 * time, and refuses, with one line naming the binary, a binary that does not answer, does not
 * print a version, or belongs to a line etcd-warden does not support. The output goes to a
 * temporary file rather than a pipe, so a binary that hangs without writing cannot block the
 * caller past the timeout. Upgrade and restore ask through it too ({@link #ask}), each wording
 * the answer in its own terms.
 */
public final class EtcdVersionProbe {
  /** How long {@code etcd --version} may take; it answers in milliseconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final int MAX_OUTPUT_BYTES = 64 * 1024;

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
    Answer answer;
    try {
      answer = ask(etcd, "--version");
    } catch (IOException e) {
      throw WardenException.badInput(source + ": cannot run " + etcd + " --version: "
          + e.getMessage(), e);
    }
    if (answer.exit().isEmpty()) {
      throw WardenException.badInput(source + ": " + etcd + " --version did not answer"
          + " within " + timeout.toSeconds() + " s; is it an etcd binary?");
    }
    if (answer.exit().getAsInt() != 0) {
      throw WardenException.badInput(source + ": " + etcd + " --version exited with "
          + answer.exit().getAsInt() + "; is it an etcd binary for this host?");
    }
    try {
      return EtcdVersion.fromVersionOutput(answer.output(), etcd.toString());
    } catch (WardenException e) {
      throw WardenException.badInput(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * What {@code binary argument} printed (stdout and stderr, at most 64 KiB) and its exit code,
   * empty when it did not end within the timeout (it is then killed). The one place a binary is
   * run for its version: install, upgrade and restore word its answer each for their operator.
   */
  public Answer ask(Path binary, String argument) throws IOException {
    Path output = Files.createTempFile("etcd-version", ".out");
    try {
      Process process = new ProcessBuilder(binary.toString(), argument)
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Answer(OptionalInt.empty(), "");
      }
      String text;
      try (InputStream in = Files.newInputStream(output)) {
        text = new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
      }
      return new Answer(OptionalInt.of(process.exitValue()), text);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while asking " + binary + " for its version", e);
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // A leftover empty temp file in /tmp harms nothing; the answer stands.
      }
    }
  }

  /** A binary's answer: its exit code (empty: it did not end in time) and what it printed. */
  public record Answer(OptionalInt exit, String output) {}
}
