package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore --cluster} refusals that need their own members: a config whose member list
 * does not name the member (refused before anything changes), and hosts given different
 * archives: they cannot form one cluster, and the member left without a quorum says so in one
 * line, is stopped and has an empty data dir again, while the two that share an archive form
 * the cluster.
 */
class RestoreClusterRefusalsIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension source = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  private InstallFixture fixture;

  @Test
  void aConfigWhoseMemberListDoesNotNameTheMemberIsRefusedWithNothingChanged() throws Exception {
    String archive = snapshot("store");
    fixture = installs.cluster(tmp.resolve("new"), 3);
    fixture.namePrefix = "other";
    CliRun install = CliRun.run(ENV, fixture.installArgs(0, "--etcd-bin",
        InstallFixture.etcdBin(), "--no-start"));
    assertThat(install.exitCode()).as(install.toString()).isZero();
    // The config of another cluster's host copied here: its member list lacks this member.
    Path config = fixture.dataDir(0).resolve("etcd.yaml");
    Files.writeString(config, Files.readString(config).replaceAll(
        "(?m)^(initial-cluster: .*)other0=", "$1stranger0="));
    List<String> before = RestoreClusterIT.listing(fixture.dataDir(0));

    CliRun restore = CliRun.run(ENV, "restore", "--cluster", "--from", archive, "--data-dir",
        fixture.dataDir(0).toString(), "--yes");

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(1);
    assertThat(restore.err().strip()).contains("does not name this member other0",
        "nothing was changed").doesNotContain("\n");
    assertThat(RestoreClusterIT.listing(fixture.dataDir(0))).isEqualTo(before);
  }

  @Test
  void membersRestoredFromDifferentArchivesAreToldTheyFormNoCluster() throws Exception {
    String first = snapshot("store-a");
    RestoreClusterIT.writeKeys(source);
    String second = snapshot("store-b");
    fixture = installs.cluster(tmp.resolve("new"), 3);
    fixture.namePrefix = "mixed";
    fixture.installAll(ENV, "--etcd-bin", InstallFixture.etcdBin(), "--no-start");

    List<CliRun> runs = ClusterRebuildRun.inParallel(ENV, fixture,
        List.of(first, second, second), "--wait", "90s");

    CliRun odd = runs.get(0);
    assertThat(odd.exitCode()).as(odd.toString()).isEqualTo(1);
    assertThat(odd.err().strip()).contains("the members did not form one cluster",
        "restored different archives", "member mixed0 was stopped").doesNotContain("\n");
    assertThat(RestoreClusterIT.listens(fixture.ports.get(0)[0])).isFalse();
    // The two hosts that share an archive still form the cluster: they only report the third.
    for (int i = 1; i <= 2; i++) {
      CliRun pair = runs.get(i);
      assertThat(pair.exitCode() == 0 || pair.err().contains("keeps running"))
          .as(pair.toString()).isTrue();
      assertThat(healthy(fixture.ports.get(i)[2])).as("member " + i + " healthy").isTrue();
    }
    try (var entries = Files.list(fixture.dataDir(0).resolve("data"))) {
      assertThat(entries).isEmpty();
    }
  }

  private static boolean healthy(int metricsPort) throws Exception {
    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + metricsPort + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    return health.body().replace(" ", "").contains("\"health\":\"true\"");
  }

  private String snapshot(String store) throws Exception {
    Files.createDirectories(tmp.resolve(store));
    CliRun snapshot = CliRun.run(source.etcdctlEnvironment(), "snapshot", "--target",
        "file://" + tmp.resolve(store), "--allow-non-mount");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    return RestoreMigrationIT.field(snapshot.out(), "snapshot.path");
  }
}
