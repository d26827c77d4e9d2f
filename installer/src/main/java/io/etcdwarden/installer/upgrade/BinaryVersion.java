package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.process.EtcdVersionProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The version an etcd executable reports with {@code --version}, asked through {@link
 * EtcdVersionProbe} within a bounded wait, in upgrade's words: every refusal points at {@code
 * --etcd-bin}.
 */
final class BinaryVersion {
  private static final long TIMEOUT_SECONDS = 20;

  private BinaryVersion() {}

  static EtcdVersion of(Path etcd) {
    if (!Files.isRegularFile(etcd) || !Files.isExecutable(etcd)) {
      throw WardenException.badInput(etcd + " is not an executable etcd; fix --etcd-bin");
    }
    EtcdVersionProbe.Answer answer;
    try {
      answer = new EtcdVersionProbe(Duration.ofSeconds(TIMEOUT_SECONDS)).ask(etcd, "--version");
    } catch (IOException e) {
      throw WardenException.badInput("cannot run " + etcd + " --version: " + e.getMessage()
          + "; fix --etcd-bin");
    }
    if (answer.exit().isEmpty()) {
      throw WardenException.badInput(etcd + " --version did not answer within "
          + TIMEOUT_SECONDS + " s; fix --etcd-bin");
    }
    if (answer.exit().getAsInt() != 0) {
      throw WardenException.badInput(etcd + " --version failed (exit " + answer.exit().getAsInt()
          + "); it is not a working etcd, fix --etcd-bin");
    }
    return EtcdVersion.fromVersionOutput(answer.output(), etcd.toString());
  }
}
