package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, several {@code snapshot}s at once into one volume under umask 000:
 * every archive a run printed is on disk with the sha256 it printed (none removed or replaced
 * by a run that collided on its name), every archive is 0600, and a run that lost says so in
 * one line.
 */
class SnapshotPublicationIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  private static final int RUNS = 4;
  @TempDir Path store;
  @TempDir Path logs;

  @Test
  void concurrentSnapshotsUnderUmask000KeepEveryPrintedArchiveOwnerOnly() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 2 << 20);
    }
    Path launcher = Dist.plugin().resolveSibling("etcd-warden");
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      ProcessBuilder builder = new ProcessBuilder("sh", "-c", "umask 000; exec \"$0\" \"$@\"",
          launcher.toString(), "snapshot", "--target", "file://" + store, "--allow-non-mount")
          .redirectOutput(logs.resolve(i + ".out").toFile())
          .redirectError(logs.resolve(i + ".err").toFile());
      builder.environment().putAll(etcd.etcdctlEnvironment());
      runs.add(builder.start());
    }
    int published = 0;
    for (int i = 0; i < RUNS; i++) {
      assertThat(runs.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(logs.resolve(i + ".out"));
      String err = Files.readString(logs.resolve(i + ".err"));
      if (runs.get(i).exitValue() != 0) {
        assertThat(runs.get(i).exitValue()).as(err).isEqualTo(1);
        assertThat(err.strip()).contains("already in").doesNotContain("\n");
        continue;
      }
      published++;
      Path archive = Path.of(field(out, "snapshot.path"));
      assertThat(archive).as("printed by run " + i).isRegularFile();
      assertThat(Shell.run(store, "sha256sum", archive.getFileName().toString()))
          .startsWith(field(out, "snapshot.sha256"));
      assertThat(mode(archive)).isEqualTo("rw-------");
      assertThat(mode(Path.of(archive + ".sha256"))).isEqualTo("rw-r--r--");
    }
    assertThat(published).isPositive();
    try (var files = Files.list(store)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no temp file or orphan left").allMatch(n -> n.startsWith("etcd-snapshot-"))
          .hasSize(2 * published);
    }
  }

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private static String field(String out, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (.*)$").matcher(out);
    assertThat(m.find()).as(key + " in\n" + out).isTrue();
    return m.group(1);
  }
}
