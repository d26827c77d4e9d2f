package io.etcdwarden.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.local.LocalMember;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: members stop and come back on demand, and nothing outlives it. */
class EtcdClusterExtensionIT {

  @Test
  void threeMembersStopRestartAndLeaveNothingBehind() throws Exception {
    EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
    etcd.beforeAll(null);
    Path dir = etcd.cluster().dir();
    List<Long> pids;
    try {
      assertThat(etcd.members()).hasSize(3).allMatch(LocalMember::isRunning);
      assertThat(etcd.clientUrls()).allMatch(u -> u.getHost().equals("127.0.0.1"))
          .allMatch(u -> u.getScheme().equals("https")).doesNotHaveDuplicates();
      assertThat(Files.getPosixFilePermissions(etcd.cluster().clientKey()))
          .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

      etcd.member(1).kill();
      assertThat(etcd.member(1).isRunning()).isFalse();
      etcd.member(2).stop();
      assertThat(etcd.member(2).isRunning()).isFalse();

      etcd.beforeEach(null);
      assertThat(etcd.members()).allMatch(LocalMember::isRunning);
      pids = etcd.members().stream().map(m -> pid(m.dir())).toList();
    } finally {
      etcd.afterAll(null);
    }

    assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    assertThat(dir).doesNotExist();
  }

  private static long pid(Path memberDir) {
    try {
      return Long.parseLong(Files.readString(memberDir.resolve("etcd.pid")).trim());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
