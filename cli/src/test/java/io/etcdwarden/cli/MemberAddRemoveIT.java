package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Growing and shrinking an installed cluster: {@code member add} joins a fourth member as a
 * learner and promotes it (with the even-count warning), {@code member list} shows it voting,
 * {@code member remove} takes it out and stops it; without quorum, add is refused untouched.
 */
@Tag("etcd-versions")
class MemberAddRemoveIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));

  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  @TempDir Path tmp;
  private InstallFixture fixture;
  private Path credentials;

  @BeforeEach
  void installThreeMembers() throws Exception {
    fixture = installs.cluster(tmp, 4);
    fixture.initialMembers = 3;
    fixture.installAll(ENV, "--etcd-bin", InstallFixture.etcdBin());
    credentials = fixture.unpackedCredentials(ENV);
    fixture.awaitHealthy(credentials);
  }

  @Test
  void addJoinsAVotingMemberWithAWarningAndRemoveTakesItOutAndStopsIt() throws Exception {
    long start = System.nanoTime();
    CliRun add = CliRun.run(ENV, memberAdd());
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("member add: etcd3 joined and promoted in " + millis + " ms");

    assertThat(add.exitCode()).as(add.toString()).isZero();
    assertThat(add.out()).contains("etcd3", "promoted", "4 voting members");
    assertThat(add.err()).contains("warning: 4 members tolerate no more failures than 3");
    CliRun list = CliRun.run(ENV, withTarget("member", "list"));
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).containsPattern("etcd3 +voting");
    assertThat(list.out()).doesNotContain("learner");
    assertThat(fixture.etcdctl(credentials, "endpoint health --cluster").output())
        .contains(fixture.clientUrl(3) + " is healthy");

    long pid = fixture.pid(3).orElseThrow();
    CliRun remove = CliRun.run(ENV, withTarget("member", "remove", "etcd3",
        "--data-dir", fixture.dataDir(3).toString()));
    assertThat(remove.exitCode()).as(remove.toString()).isZero();
    assertThat(remove.out()).contains("etcd3 removed; 3 voting members");
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(fixture.awaitMemberList(credentials).output()).doesNotContain("etcd3");
  }

  @Test
  void addIsRefusedWhenQuorumIsLostAndLeavesNothingBehind() throws Exception {
    for (int i = 1; i <= 2; i++) {
      ProcessHandle.of(fixture.pid(i).orElseThrow()).orElseThrow().destroyForcibly();
    }

    CliRun add = CliRun.run(ENV, memberAdd());

    assertThat(add.exitCode()).as(add.toString()).isEqualTo(1);
    assertThat(add.err()).contains("no quorum", "refusing");
    assertThat(fixture.pid(3)).isEmpty();
    if (Files.exists(fixture.dataDir(3))) {
      try (Stream<Path> entries = Files.list(fixture.dataDir(3))) {
        assertThat(entries).isEmpty();
      }
    }
  }

  private String[] memberAdd() {
    List<String> args = new ArrayList<>(List.of("member", "add", "--advertise", "127.0.0.1",
        "--etcd-bin", InstallFixture.etcdBin(), "--timeout", "3s"));
    args.addAll(fixture.memberArgs(3));
    return withTarget(args.toArray(String[]::new));
  }

  private String[] withTarget(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoints", fixture.endpoints(),
        "--cacert", credentials.resolve("ca.crt").toString(),
        "--cert", credentials.resolve("client.crt").toString(),
        "--key", credentials.resolve("client.key").toString()));
    return all.toArray(String[]::new);
  }
}
