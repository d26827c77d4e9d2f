package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.testkit.EtcdUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code upgrade} refuses, each with one line and nothing changed on the host (member
 * folder, prefix, running etcd): skipping a minor, no recent verified archive, an unhealthy
 * cluster; and a release whose etcd cannot run (a truncated binary with the right name),
 * refused when its version is probed, before the member is touched. (3.5.19 to 3.6 is
 * {@code UpgradeRulesTest}'s: no 3.5.19 binary is prepared.)
 */
class UpgradeRefusalsIT {
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  private UpgradeFixture fixture;

  @Test
  void refusalsChangeNothingAndAFailedUpgradeRollsBackToAHealthyOldMember() throws Exception {
    fixture = new UpgradeFixture(installs, tmp);
    fixture.installAll(EtcdLine.V3_5);
    Map<String, String> before = memberFiles(0);
    long pid = fixture.install.pid(0).orElseThrow();

    CliRun skip = fixture.upgrade(0, "--snapshot-first", "--etcd-bin",
        EtcdUnderTest.folder(EtcdLine.V3_7).toString());
    assertRefusedAndUnchanged(skip, 2, "one minor version at a time", before, pid);
    assertThat(fixture.backups).isEmptyDirectory();

    CliRun noBackup = fixture.upgrade(0, "--etcd-bin",
        EtcdUnderTest.folder(EtcdLine.V3_6).toString());
    assertRefusedAndUnchanged(noBackup, 1, "no verified archive younger than 60 min", before,
        pid);

    CliRun dryRun = fixture.upgrade(0, "--snapshot-first", "--dry-run", "--etcd-bin",
        EtcdUnderTest.folder(EtcdLine.V3_6).toString());
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    assertThat(dryRun.out()).contains("upgrade etcd0 from 3.5.30 to 3.6.16", "dry run");
    assertThat(memberFiles(0)).isEqualTo(before);

    Path broken = fixture.release(EtcdLine.V3_6, true);
    CliRun failed = fixture.upgrade(0, "--snapshot-first", "--release", broken.toString());
    // The unpacked etcd is asked for its version before anything of the member changes: a
    // truncated binary is refused there, in one line, and the member is never stopped.
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
    assertThat(failed.err().strip()).doesNotContain("\n")
        .contains("etcd --version exited", "is it an etcd binary");
    assertThat(memberFiles(0)).isEqualTo(before);
    assertThat(fixture.prefix(0).resolve("current")).doesNotExist();
    try (EtcdClients clients = new EtcdClients(fixture.target())) {
      ClusterReport report = new ClusterSurvey(clients, clients.target(), Clock.systemUTC())
          .survey();
      assertThat(report.healthy()).as(report.summary()).isTrue();
      assertThat(report.members()).extracting(MemberStatus::version).containsOnly("3.5.30");
    }

    ProcessHandle.of(fixture.install.pid(2).orElseThrow()).ifPresent(h -> {
      h.destroyForcibly();
      h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    });
    Map<String, String> beforeUnhealthy = memberFiles(0);
    long pidNow = fixture.install.pid(0).orElseThrow();
    CliRun unhealthy = fixture.upgrade(0, "--etcd-bin",
        EtcdUnderTest.folder(EtcdLine.V3_6).toString());
    assertRefusedAndUnchanged(unhealthy, 1, "the cluster is not healthy", beforeUnhealthy,
        pidNow);
  }

  private void assertRefusedAndUnchanged(CliRun run, int exit, String says,
      Map<String, String> before, long pid) throws Exception {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exit);
    assertThat(run.err().strip()).as(run.toString()).contains(says).doesNotContain("\n");
    assertThat(memberFiles(0)).isEqualTo(before);
    assertThat(fixture.install.pid(0)).contains(pid);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
  }

  /**
   * Every file of member i's folder but etcd's own (data, log, pid: the running etcd is checked
   * through its pid), with its content less comment lines (the record's carries a date), and
   * every entry of its prefix with where a link points.
   */
  private Map<String, String> memberFiles(int i) throws Exception {
    Map<String, String> files = new TreeMap<>();
    Path dir = fixture.install.dataDir(i);
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString();
        if (!rel.startsWith("data/") && !rel.equals("etcd.log") && !rel.equals("etcd.pid")) {
          files.put(rel, Files.readString(p).lines().filter(l -> !l.startsWith("#"))
              .reduce("", (a, b) -> a + b + "\n"));
        }
      }
    }
    Path prefix = fixture.prefix(i);
    if (Files.isDirectory(prefix)) {
      try (Stream<Path> all = Files.walk(prefix)) {
        for (Path p : all.filter(p -> !p.equals(prefix)).toList()) {
          files.put("prefix:" + prefix.relativize(p), Files.isSymbolicLink(p)
              ? Files.readSymbolicLink(p).toString() : "");
        }
      }
    }
    return files;
  }
}
