package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charm README's migration, end to end: snapshot a 3-member cluster with known keys into a
 * store, install a new single member, restore the archive there, check every key and value
 * with the etcdctl of the version under test against the source, then grow the new cluster to three members with
 * {@code member add}.
 */
@Tag("etcd-versions")
class RestoreMigrationIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension source = EtcdClusterExtension.withMembers(3);
  @TempDir Path store;
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  private InstallFixture fixture;

  @Test
  void aThreeMemberClustersArchiveRestoresOntoANewMemberWhichThenGrowsToThree() throws Exception {
    try (EtcdClients clients = new EtcdClients(source.target())) {
      KV kv = clients.cluster().getKVClient();
      for (int i = 0; i < 300; i++) {
        kv.put(bytes("/migrate/k" + String.format("%03d", i)), bytes("value-" + i + "-"
            + "x".repeat(i % 50))).get();
      }
      for (int i = 0; i < 20; i++) {
        kv.delete(bytes("/migrate/k" + String.format("%03d", i))).get();
      }
    }
    CliRun snapshot = CliRun.run(source.etcdctlEnvironment(), "snapshot", "--target",
        "file://" + store, "--allow-non-mount");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    String archive = Path.of(field(snapshot.out(), "snapshot.path")).getFileName().toString();

    fixture = installs.cluster(tmp.resolve("new"), 3);
    fixture.initialMembers = 1;
    fixture.installAll(ENV, "--etcd-bin", InstallFixture.etcdBin());
    Path credentials = fixture.unpackedCredentials(ENV);

    CliRun restore = CliRun.run(ENV, "restore", "--from", "file://" + store + "/" + archive,
        "--allow-non-mount", "--data-dir", fixture.dataDir(0).toString(), "--yes");

    assertThat(restore.exitCode()).as(restore.toString()).isZero();
    assertThat(restore.out()).contains("Restore plan for member etcd0", "verified: healthy")
        .containsPattern("\\d+ keys match the manifest");
    Path backup = Path.of(field(restore.out(), "backup.path"));
    assertThat(backup).exists();
    assertThat(Shell.run(backup.getParent(), "sha256sum", backup.getFileName().toString()))
        .startsWith(field(restore.out(), "backup.sha256sum"));
    assertThat(Shell.run(backup.getParent(), "tar", "tzf", backup.toString()))
        .contains("member/snap/db");
    String expected = etcdctlGet(source.etcdctlEnvironment(), tmp);
    String restored = InstallFixture.exec(tmp, etcdctlEnv(fixture.clientUrl(0), credentials),
        "etcdctl", "get", "/migrate/", "--prefix").output();
    assertThat(expected.lines()).hasSize(2 * 280);
    assertThat(restored).isEqualTo(expected);

    for (int i = 1; i <= 2; i++) {
      List<String> add = new ArrayList<>(List.of("member", "add", "--advertise", "127.0.0.1",
          "--etcd-bin", InstallFixture.etcdBin(), "--timeout", "3s"));
      add.addAll(fixture.memberArgs(i));
      add.addAll(List.of("--endpoints", fixture.clientUrl(0), "--cacert",
          credentials.resolve("ca.crt").toString(), "--cert",
          credentials.resolve("client.crt").toString(), "--key",
          credentials.resolve("client.key").toString()));
      CliRun added = CliRun.run(ENV, add.toArray(String[]::new));
      assertThat(added.exitCode()).as(added.toString()).isZero();
    }
    // A just-promoted third member may still be catching up: poll, bounded, until all answer.
    String health = Await.until(Duration.ofSeconds(30), "every member healthy",
        () -> fixture.etcdctl(credentials, "endpoint health --cluster").output(),
        answer -> !answer.contains("unhealthy"));
    assertThat(Pattern.compile("is healthy").matcher(health).results().count())
        .as(health).isEqualTo(3);
    // A serializable read answered by the third member alone: the data replicated to it.
    InstallFixture.Exec third = InstallFixture.exec(tmp, etcdctlEnv(fixture.clientUrl(2),
        credentials), "etcdctl", "get", "/migrate/", "--prefix", "--consistency=s");
    assertThat(third.output()).isEqualTo(expected);
  }

  @Test
  void restoringOneMemberOfAThreeMemberClusterIsRefusedWithTheMigrationSteps() throws Exception {
    CliRun snapshot = CliRun.run(source.etcdctlEnvironment(), "snapshot", "--target",
        "file://" + store, "--allow-non-mount");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    Path member = source.member(1).dir();
    String pid = Files.readString(member.resolve("etcd.pid"));
    List<String> before;
    try (var files = Files.list(member)) {
      before = files.map(Path::toString).filter(p -> !p.endsWith("/restore.lock")).sorted()
          .toList();
    }

    CliRun restore = CliRun.run(ENV, "restore", "--from", field(snapshot.out(), "snapshot.path"),
        "--data-dir", member.toString(), "--yes");

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(1);
    assertThat(restore.err()).contains("refused: the cluster has 3 members", "breaks it",
        "install a new single member", "restore", "member add", "Nothing was changed");
    assertThat(Files.readString(member.resolve("etcd.pid"))).isEqualTo(pid);
    try (var files = Files.list(member)) {
      assertThat(files.map(Path::toString).filter(p -> !p.endsWith("/restore.lock")).sorted()
          .toList()).isEqualTo(before);
    }
    assertThat(etcdctlGet(source.etcdctlEnvironment(), tmp)).isNotNull();
  }

  /**
   * etcdctl's environment for one endpoint, without ETCDCTL_API: v3 is the default from 3.4
   * on, and 3.6+ warn about the variable in the output compared here.
   */
  private static Map<String, String> etcdctlEnv(String endpoint, Path credentials) {
    return Map.of("ETCDCTL_ENDPOINTS", endpoint,
        "ETCDCTL_CACERT", credentials.resolve("ca.crt").toString(),
        "ETCDCTL_CERT", credentials.resolve("client.crt").toString(),
        "ETCDCTL_KEY", credentials.resolve("client.key").toString());
  }

  private static String etcdctlGet(Map<String, String> env, Path dir) throws Exception {
    Map<String, String> withoutApi = new java.util.HashMap<>(env);
    withoutApi.remove("ETCDCTL_API");
    InstallFixture.Exec get = InstallFixture.exec(dir, withoutApi,
        "etcdctl", "get", "/migrate/", "--prefix");
    assertThat(get.exitCode()).as(get.output()).isZero();
    return get.output();
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }

  static String field(String out, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (.*)$").matcher(out);
    assertThat(m.find()).as(key + " in\n" + out).isTrue();
    return m.group(1);
  }
}
