package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.process.EtcdVersionProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The version of the etcd binary a restored member will run, as {@code etcd --version} prints
 * it (and of an etcdutl found on PATH, which must be of the same line), asked through {@link
 * EtcdVersionProbe} and worded for restore (a failure changes nothing). Restore decides from it
 * (through {@link io.etcdwarden.core.version.EtcdLine}) which tool restores and whether an
 * archive's data format is one that etcd can read, instead of guessing from which files happen
 * to lie beside the binary.
 */
final class EtcdBinaryVersion {
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
    EtcdVersionProbe.Answer answer;
    try {
      answer = new EtcdVersionProbe(Duration.ofSeconds(TIMEOUT_SECONDS)).ask(etcd, argument);
    } catch (IOException e) {
      throw new WardenException("cannot run " + etcd + " " + argument + ": " + e.getMessage()
          + "; nothing was changed", e);
    }
    if (answer.exit().isEmpty()) {
      throw new WardenException(etcd + " " + argument + " did not answer within "
          + TIMEOUT_SECONDS + " s; nothing was changed");
    }
    return EtcdVersion.fromVersionOutput(answer.output(), etcd.toString());
  }
}
