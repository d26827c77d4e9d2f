package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The version an etcd executable reports with {@code --version}, within a bounded wait. */
final class BinaryVersion {
  private static final long TIMEOUT_SECONDS = 20;

  private BinaryVersion() {}

  static EtcdVersion of(Path etcd) {
    if (!Files.isRegularFile(etcd) || !Files.isExecutable(etcd)) {
      throw WardenException.badInput(etcd + " is not an executable etcd; fix --etcd-bin");
    }
    try {
      Process p = new ProcessBuilder(etcd.toString(), "--version").redirectErrorStream(true)
          .start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(64 * 1024);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw WardenException.badInput(etcd + " --version did not answer within "
            + TIMEOUT_SECONDS + " s; fix --etcd-bin");
      }
      if (p.exitValue() != 0) {
        throw WardenException.badInput(etcd + " --version failed (exit " + p.exitValue()
            + "); it is not a working etcd, fix --etcd-bin");
      }
      return EtcdVersion.fromVersionOutput(new String(out, StandardCharsets.UTF_8),
          etcd.toString());
    } catch (IOException e) {
      throw WardenException.badInput("cannot run " + etcd + " --version: " + e.getMessage()
          + "; fix --etcd-bin");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while asking " + etcd + " for its version", e);
    }
  }
}
