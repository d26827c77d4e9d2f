package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.local.LocalMember;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a member frozen (SIGSTOP: its sockets accept and never answer) or every member frozen,
 * the packaged launcher's {@code health}, {@code check cluster} and {@code snapshot} print
 * their own lines and nothing else: no gRPC or Netty log records, no stack traces on stderr,
 * where cron mail and NRPE would show them. With ETCD_WARDEN_DEBUG=1 the library logs return.
 */
class QuietUnderFaultsIT {
  @RegisterExtension EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path work;

  @Test
  void aFrozenMemberLeavesOnlyOurLines() throws Exception {
    LocalMember frozen = etcd.member(2);
    signal(frozen, "STOP");
    try {
      for (List<String> command : commands()) {
        DistRun run = launch(Map.of(), command);
        assertQuiet(run);
      }
    } finally {
      signal(frozen, "CONT");
    }
  }

  @Test
  void everyMemberFrozenLeavesOnlyOurLines() throws Exception {
    for (LocalMember m : etcd.members()) {
      signal(m, "STOP");
    }
    try {
      for (List<String> command : commands()) {
        DistRun run = launch(Map.of(), command);
        assertThat(run.code()).as(run.toString()).isNotZero();
        assertQuiet(run);
      }
    } finally {
      for (LocalMember m : etcd.members()) {
        signal(m, "CONT");
      }
    }
  }

  private List<List<String>> commands() {
    return List.of(List.of("health"), List.of("check", "cluster", "--no-daemon", "-t", "8"),
        List.of("snapshot", "--target", work.toUri() + "?allow-non-mount=true&min-free-mb=1",
            "--timeout", "3s"));
  }

  /** stderr holds only etcd-warden's own one-line messages; stdout no log records either. */
  private static void assertQuiet(DistRun run) {
    for (String line : run.err().lines().toList()) {
      assertThat(line).as(run.toString()).startsWith("etcd-warden: ");
    }
    assertThat(run.out() + run.err()).as(run.toString()).doesNotContain("\tat ")
        .doesNotContain("SEVERE").doesNotContain("WARNING: [Channel")
        .doesNotContain("io.grpc").doesNotContain("Exception");
  }

  private static void signal(LocalMember member, String name) throws Exception {
    String pid = Files.readString(member.dir().resolve("etcd.pid")).strip();
    assertThat(new ProcessBuilder("kill", "-" + name, pid).start().waitFor()).isZero();
  }

  private DistRun launch(Map<String, String> extra, List<String> args) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(etcd.etcdctlEnvironment());
    env.putAll(extra);
    return DistRun.launch(work, env, args);
  }
}
