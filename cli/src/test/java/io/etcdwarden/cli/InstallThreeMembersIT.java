package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's story on one machine: three {@code install} calls with one {@code
 * --initial-cluster} build a TLS cluster from a release tarball; the packaged client
 * credentials work with Debian's etcdctl; a client without a certificate is refused; {@code
 * install --uninstall} leaves no process behind.
 */
@Tag("etcd-versions")
class InstallThreeMembersIT {
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  private InstallFixture fixture;

  @Test
  void threeInstallsFormAMutualTlsClusterThatPackagedCredentialsReachAndUninstallStops()
      throws Exception {
    fixture = installs.cluster(tmp, 3);
    Path release = fixture.release();
    Map<String, String> env = Map.of("PATH", System.getenv("PATH"));

    long start = System.nanoTime();
    fixture.installAll(env, "--release", release.toString());
    long installed = System.nanoTime();
    Path unpacked = fixture.unpackedCredentials(env);
    InstallFixture.Exec memberList = fixture.awaitMemberList(unpacked);
    long answering = System.nanoTime();
    System.out.printf("install: 3 install calls took %d ms; member list answered after %d ms%n",
        (installed - start) / 1_000_000, (answering - start) / 1_000_000);
    assertThat(memberList.output()).contains("etcd0", "etcd1", "etcd2", "started");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        unpacked.resolve("creds.tar.gz")))).isEqualTo("rw-------");
    assertThat(Shell.run(unpacked, "tar", "tvzf", "creds.tar.gz"))
        .containsPattern("-rw------- .* client\\.key");
    assertThat(CliRun.run(env, "install", "--help").out()).contains("--initial-cluster");

    assertThat(fixture.prefix.resolve("current/etcd")).isExecutable();
    assertThat(Files.readSymbolicLink(fixture.prefix.resolve("current")).toString())
        .isEqualTo("etcd-" + InstallFixture.version());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        fixture.dataDir(0).resolve("tls/etcd0.key")))).isEqualTo("rw-------");
    assertThat(Files.readString(fixture.dataDir(0).resolve("etcd.yaml")))
        .contains("heartbeat-interval: 100", "election-timeout: 1000",
            "snapshot-count: " + EtcdUnderTest.version().line().defaultSnapshotCount(),
            "strict-reconfig-check: true", "client-cert-auth: true");

    InstallFixture.Exec noCert = InstallFixture.exec(unpacked, Map.of(), "etcdctl",
        "--endpoints", fixture.clientUrl(0), "--cacert", "ca.crt", "--dial-timeout", "3s",
        "--command-timeout", "5s", "member", "list");
    assertThat(noCert.exitCode()).as(noCert.output()).isNotZero();

    long[] pids = new long[3];
    for (int i = 0; i < 3; i++) {
      pids[i] = fixture.pid(i).orElseThrow();
      // Its own session: closing the operator's terminal (SIGHUP) must not stop etcd.
      String stat = Files.readString(Path.of("/proc/" + pids[i] + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      assertThat(Long.parseLong(fields[3])).as("session of etcd " + pids[i]).isEqualTo(pids[i]);
      CliRun uninstall = CliRun.run(env, "install", "--uninstall", "--name", fixture.name(i),
          "--data-dir", fixture.dataDir(i).toString());
      assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
      assertThat(uninstall.out()).contains("kept in");
    }
    for (int i = 0; i < 3; i++) {
      assertThat(ProcessHandle.of(pids[i]).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(fixture.dataDir(i).resolve("etcd.pid")).doesNotExist();
      assertThat(fixture.dataDir(i).resolve("data/member")).isDirectory();
    }
  }
}
