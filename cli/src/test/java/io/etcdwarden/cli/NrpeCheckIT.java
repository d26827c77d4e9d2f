package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.HealthyClusterVerdict;
import io.etcdwarden.testkit.nrpe.CheckNrpe;
import io.etcdwarden.testkit.nrpe.NrpeDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's NRPE set-up end to end: {@code nrpe install} gives the nagios user its copy of
 * the client key and writes the command file; a real NRPE daemon runs the packaged
 * {@code check_etcd_cluster} as nagios; the real {@code check_nrpe} sees each state.
 */
class NrpeCheckIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir static Path tmp;
  private static NrpeDaemon nrpe;

  @BeforeAll
  static void installAndStartNrpe() throws IOException {
    // NRPE's user must get through the folders to its files, as under /etc in production.
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = etcd.etcdctlEnvironment();
    CliRun install = CliRun.run(Map.of(), "nrpe", "install",
        "--endpoints", env.get("ETCDCTL_ENDPOINTS"), "--cacert", env.get("ETCDCTL_CACERT"),
        "--cert", env.get("ETCDCTL_CERT"), "--key", env.get("ETCDCTL_KEY"),
        "--plugin", Dist.plugin().toString(), "--check-args", "-t 20",
        "--nrpe-dir", tmp.resolve("nrpe.d").toString(),
        "--export-dir", tmp.resolve("export").toString(),
        "--credentials-dir", tmp.resolve("credentials").toString(),
        "--nagios-context", "it", "--unit-name", "etcd/0");
    assertThat(install.exitCode()).as(install.toString()).isZero();
    assertThat(install.out()).contains("copied the TLS files for user nagios");
    Files.writeString(tmp.resolve("nrpe.d/bad.cfg"),
        "command[check_etcd_cluster_typo]=" + Dist.plugin() + " --warning-typo 5\n");
    nrpe = NrpeDaemon.start(tmp, tmp.resolve("nrpe.d"), "nagios");
  }

  /** Elections the previous test caused must not count against the next one. */
  @BeforeEach
  void forgetLeaderChanges() throws IOException {
    Files.deleteIfExists(tmp.resolve("credentials/leader-terms.state"));
  }

  @AfterAll
  static void stopNrpe() {
    if (nrpe != null) {
      nrpe.close();
    }
  }

  @Test
  void healthyClusterIsOkThroughNrpe() {
    CheckNrpe.Answer answer = nrpe.query("check_etcd_cluster");

    assertThat(answer.exitCode()).as(answer.output()).isEqualTo(HealthyClusterVerdict.exitCode());
    assertThat(answer.output()).startsWith("ETCD_CLUSTER " + HealthyClusterVerdict.summary(3));
    // The nagios user keeps the leader-change state file in its credentials folder.
    CheckNrpe.Answer again = nrpe.query("check_etcd_cluster");
    assertThat(again.output()).contains("'leader_changes'=");
  }

  @Test
  void oneMemberStoppedIsWarningThroughNrpe() {
    etcd.member(1).kill();
    Elections.awaitLeader(etcd, Duration.ofSeconds(20));

    CheckNrpe.Answer answer = nrpe.query("check_etcd_cluster");

    assertThat(answer.exitCode()).as(answer.output()).isEqualTo(1);
    assertThat(answer.output()).startsWith("ETCD_CLUSTER WARNING: 1 of 3 members down (etcd1)");
  }

  @Test
  void quorumLostIsCriticalThroughNrpe() {
    etcd.member(0).kill();
    etcd.member(2).kill();

    CheckNrpe.Answer answer = nrpe.query("check_etcd_cluster");

    assertThat(answer.exitCode()).as(answer.output()).isEqualTo(2);
    assertThat(answer.output()).startsWith("ETCD_CLUSTER CRITICAL: ");
  }

  @Test
  void badArgumentsAreUnknownThroughNrpe() {
    CheckNrpe.Answer answer = nrpe.query("check_etcd_cluster_typo");

    assertThat(answer.exitCode()).as(answer.output()).isEqualTo(3);
    assertThat(answer.output()).startsWith("ETCD_CLUSTER UNKNOWN: Unknown option")
        .contains("--warning-typo");
  }
}
