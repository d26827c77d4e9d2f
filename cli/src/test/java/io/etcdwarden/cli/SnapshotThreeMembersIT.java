package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapshot} on a 3-member cluster: a named member, and a cluster without a leader. */
class SnapshotThreeMembersIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path store;

  private CliRun snapshot(String... extra) {
    String[] args = new String[extra.length + 4];
    System.arraycopy(new String[] {"snapshot", "--target", "file://" + store,
        "--allow-non-mount"}, 0, args, 0, 4);
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.run(etcd.etcdctlEnvironment(), args);
  }

  @Test
  void aNamedMemberIsTheSource() {
    CliRun run = snapshot("--member", "etcd2");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("snapshot.member: etcd2");
  }

  @Test
  void withoutQuorumNoSnapshotIsTakenAndNothingIsLeft() {
    etcd.member(1).kill();
    etcd.member(2).kill();

    CliRun run = pollUntilRefused();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines()).singleElement().asString()
        .contains("etcd0").contains("no leader");
    CliRun list = CliRun.run(etcd.etcdctlEnvironment(), "snapshots", "list", "--target",
        "file://" + store, "--allow-non-mount");
    assertThat(list.out().lines()).hasSize(1); // the header only
  }

  /** Right after the kill etcd0 may still believe in its leader; its belief ends within 20 s. */
  private CliRun pollUntilRefused() {
    return Await.until(Duration.ofSeconds(20), "a snapshot from etcd0 refused", () -> {
      CliRun run = snapshot("--member", "etcd0", "--timeout", "2s");
      if (run.exitCode() == 0) {
        store.toFile().listFiles(f -> f.delete()); // a snapshot taken while it still had a leader
      }
      return run;
    }, run -> run.exitCode() != 0);
  }
}
