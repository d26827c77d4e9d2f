package io.etcdwarden.testkit.storage;

import io.etcdwarden.testkit.EtcdUnderTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent judge of a snapshot file, the etcd project's own offline tool for the etcd
 * under test: {@code etcdutl} where that line ships one (3.5 on; 3.6 removed etcdctl's offline
 * snapshot commands), {@code etcdctl} on 3.4. {@code snapshot status} and {@code snapshot
 * restore} run without {@code --skip-hash-check}. Each call returns the tool's standard output
 * and throws with its standard error when the tool fails.
 */
public final class EtcdctlSnapshot {
  private static final long TIMEOUT_SECONDS = 60;

  private EtcdctlSnapshot() {}

  /** {@code snapshot status db --write-out=json}: hash, revision, totalKey, totalSize. */
  public static String status(Path db) {
    return run("snapshot", "status", db.toString(), "--write-out=json");
  }

  /** {@code snapshot restore db --data-dir dataDir}, hash check included. */
  public static String restore(Path db, Path dataDir) {
    return run("snapshot", "restore", db.toString(), "--data-dir", dataDir.toString());
  }

  /** The tool that judges snapshots for the etcd under test, beside its etcd binary. */
  public static Path tool() {
    Path etcd = EtcdUnderTest.etcd();
    if (!EtcdUnderTest.version().line().restoresWithEtcdutl()) {
      Path etcdctl = etcd.resolveSibling("etcdctl");
      return Files.isExecutable(etcdctl) ? etcdctl : Path.of("etcdctl");
    }
    Path etcdutl = etcd.resolveSibling("etcdutl");
    if (!Files.isExecutable(etcdutl)) {
      throw new IllegalStateException("etcd " + EtcdUnderTest.version() + " needs etcdutl beside "
          + etcd + ": run testkit/etcd-versions fetch " + EtcdUnderTest.version().line());
    }
    return etcdutl;
  }

  private static String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(tool().toString());
    command.addAll(List.of(args));
    Path errors = null;
    try {
      errors = Files.createTempFile("etcd-snapshot-tool", ".err");
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " failed:\n" + output
            + Files.readString(errors));
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    } finally {
      deleteQuietly(errors);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new AssertionError("cannot delete " + file, e);
      }
    }
  }
}
