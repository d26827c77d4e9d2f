package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The version of the etcd binary a restored member will run, as {@code etcd --version} prints
 * it (and of an etcdutl found on PATH, which must be of the same line). Restore decides from it (through {@link io.etcdwarden.core.version.EtcdLine}) which tool
 * restores and whether an archive's data format is one that etcd can read, instead of guessing
 * from which files happen to lie beside the binary.
 */
final class EtcdBinaryVersion {
  private static final int MAX_OUTPUT_BYTES = 64 * 1024;
  private static final long TIMEOUT_SECONDS = 20;

  private EtcdBinaryVersion() {}

  /** Runs {@code etcd --version}; one line naming the binary when it cannot say. */
  static EtcdVersion of(Path etcd) {
    return run(etcd, "--version");
  }

  /** Runs {@code etcdutl version}. */
  static EtcdVersion ofEtcdutl(Path etcdutl) {
    return run(etcdutl, "version");
  }

  private static EtcdVersion run(Path etcd, String argument) {
    try {
      Process process = new ProcessBuilder(etcd.toString(), argument)
          .redirectErrorStream(true).start();
      process.getOutputStream().close();
      String out;
      try (InputStream in = process.getInputStream()) {
        out = new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new WardenException(etcd + " " + argument + " did not answer within " + TIMEOUT_SECONDS
            + " s; nothing was changed");
      }
      return EtcdVersion.fromVersionOutput(out, etcd.toString());
    } catch (IOException e) {
      throw new WardenException("cannot run " + etcd + " " + argument + ": " + e.getMessage()
          + "; nothing was changed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while asking " + etcd + " for its version", e);
    }
  }
}
