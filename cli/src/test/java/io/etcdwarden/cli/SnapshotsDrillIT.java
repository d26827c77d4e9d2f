package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshots drill}: the newest archive in a store restores into a scratch member and
 * matches its manifest (PASS, exit 0, the recovery times as perfdata); a damaged one fails
 * (FAIL, exit 1); both leave no scratch folder or process behind.
 */
@Tag("etcd-versions")
class SnapshotsDrillIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;
  @TempDir Path scratch;

  private static double seconds(String out, String label) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("'" + label
        + "'=([0-9.]+)s").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void theNewestArchivePassesAndADamagedOneFails() throws Exception {
    CliRun snapshot = FilledSnapshot.take(etcd, store, 512 << 10);
    String revision = RestoreMigrationIT.field(snapshot.out(), "snapshot.revision");

    CliRun pass = CliRun.run(ENV, "snapshots", "drill", "--store", "file://" + store,
        "--allow-non-mount", "--scratch-dir", scratch.toString());

    assertThat(pass.exitCode()).as(pass.toString()).isZero();
    assertThat(pass.out()).startsWith("PASS file://" + store + "/etcd-snapshot-")
        .contains("revision " + revision + " matches the manifest")
        .containsPattern("\\d+ keys match the manifest")
        .containsPattern(" \\| 'rto_seconds'=\\d+(\\.\\d+)?s;;;0 'rto_healthy_seconds'="
            + "\\d+(\\.\\d+)?s;;;0\n$");
    assertThat(seconds(pass.out(), "rto_healthy_seconds"))
        .isPositive().isLessThanOrEqualTo(seconds(pass.out(), "rto_seconds"));
    assertThat(scratch).isEmptyDirectory();

    Path archive = Path.of(RestoreMigrationIT.field(snapshot.out(), "snapshot.path"));
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.seek(file.length() / 3);
      int b = file.read();
      file.seek(file.length() / 3);
      file.write(b ^ 0x40);
    }
    CliRun fail = CliRun.run(ENV, "snapshots", "drill", "--from", archive.toString(),
        "--scratch-dir", scratch.toString());

    assertThat(fail.exitCode()).as(fail.toString()).isEqualTo(1);
    assertThat(fail.out()).startsWith("FAIL ").contains("sha256").doesNotContain("rto_seconds");
    try (Stream<Path> left = Files.list(scratch)) {
      assertThat(left).isEmpty();
    }
  }
}
