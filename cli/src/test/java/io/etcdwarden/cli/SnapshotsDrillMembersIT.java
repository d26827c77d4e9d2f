package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshots drill --members 3}: the newest archive rebuilds a scratch 3-member cluster on
 * loopback (three members installed without starting, {@code restore --cluster} on each at once)
 * that matches the manifest, and no scratch folder or etcd process is left behind.
 */
class SnapshotsDrillMembersIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;
  @TempDir Path scratch;

  @Test
  void theNewestArchiveRebuildsAScratchThreeMemberCluster() throws Exception {
    CliRun snapshot = FilledSnapshot.take(etcd, store, 512 << 10);
    String revision = RestoreMigrationIT.field(snapshot.out(), "snapshot.revision");

    CliRun drill = CliRun.run(ENV, "snapshots", "drill", "--store", "file://" + store,
        "--allow-non-mount", "--scratch-dir", scratch.toString(), "--members", "3");

    assertThat(drill.exitCode()).as(drill.toString()).isZero();
    assertThat(drill.out()).startsWith("PASS file://" + store + "/etcd-snapshot-")
        .contains("a scratch 3-member cluster", "3 members rebuilt at once", "'rto_seconds'=")
        .containsPattern(">= " + revision + ", \\d+ keys match the manifest");
    assertThat(scratch).isEmptyDirectory();
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
        .orElse("").contains(scratch.toString()))).isEmpty();
  }
}
