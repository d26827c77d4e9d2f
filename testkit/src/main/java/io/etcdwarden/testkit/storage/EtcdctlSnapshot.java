package io.etcdwarden.testkit.storage;

import io.etcdwarden.testkit.EtcdUnderTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent judge of a snapshot file, the upstream tool of the etcd under test:
 * {@code etcdutl} from 3.5 on (3.6 removed etcdctl's snapshot commands), {@code etcdctl} on
 * 3.4: {@code snapshot status} and {@code snapshot restore} without {@code --skip-hash-check}.
 * Each call returns the output and throws with it when the tool fails.
 */
public final class EtcdctlSnapshot {
  private static final long TIMEOUT_SECONDS = 60;

  private EtcdctlSnapshot() {}

  /** {@code etcdctl snapshot status db --write-out=json}: hash, revision, totalKey, totalSize. */
  public static String status(Path db) {
    return run("snapshot", "status", db.toString(), "--write-out=json");
  }

  /** {@code etcdctl snapshot restore db --data-dir dataDir}, hash check included. */
  public static String restore(Path db, Path dataDir) {
    return run("snapshot", "restore", db.toString(), "--data-dir", dataDir.toString());
  }

  private static String tool() {
    if (EtcdUnderTest.version().line().restoresWithEtcdutl()) {
      return EtcdUnderTest.etcd().resolveSibling("etcdutl").toString();
    }
    return System.getenv().getOrDefault("ETCDCTL_BIN", "etcdctl");
  }

  private static String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(tool());
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("ETCDCTL_API", "3");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }
}
