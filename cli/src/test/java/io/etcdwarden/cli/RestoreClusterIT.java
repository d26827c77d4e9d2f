package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's cluster rebuild, as an operator runs it: an archive of a 3-member TLS cluster with
 * a few thousand keys; three new members with other names and ports installed with {@code
 * install --no-start}; {@code restore --cluster} started on all three at once. The new cluster
 * has three voting members, a new cluster ID and every key and value of the source, read with
 * the etcdctl of the version under test through a client certificate from the install; a
 * second run on a running member, and on a stopped member with data, is refused in one line.
 */
@Tag("etcd-versions")
class RestoreClusterIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  private static final int KEYS = 3000;
  @RegisterExtension static EtcdClusterExtension source = EtcdClusterExtension.withMembers(3);
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  private InstallFixture fixture;

  @Test
  void threeNewMembersRestoredAtOnceFormTheSourcesDataAsANewCluster() throws Exception {
    writeKeys(source);
    Files.createDirectories(tmp.resolve("store"));
    CliRun snapshot = CliRun.run(source.etcdctlEnvironment(), "snapshot", "--target",
        "file://" + tmp.resolve("store"), "--allow-non-mount");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    String archive = RestoreMigrationIT.field(snapshot.out(), "snapshot.path");
    fixture = installs.cluster(tmp.resolve("new"), 3);
    fixture.namePrefix = "rebuilt";

    for (int i = 0; i < 3; i++) {
      CliRun install = CliRun.run(ENV, fixture.installArgs(i, "--etcd-bin",
          InstallFixture.etcdBin(), "--no-start"));
      assertThat(install.exitCode()).as(install.toString()).isZero();
      assertThat(install.out()).contains("installed, not started");
      assertThat(Files.exists(fixture.dataDir(i).resolve("etcd.pid"))).isFalse();
      assertThat(listens(fixture.ports.get(i)[0])).as("client port of member " + i).isFalse();
    }
    List<CliRun> runs = ClusterRebuildRun.inParallel(ENV, fixture,
        List.of(archive, archive, archive));

    for (CliRun run : runs) {
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("verified: a quorum is healthy");
    }
    Path credentials = fixture.unpackedCredentials(ENV);
    String health = fixture.awaitHealthy(credentials).output();
    assertThat(Pattern.compile("is healthy").matcher(health).results().count())
        .as(health).isEqualTo(3);
    Map<String, String> newCluster = etcdctlEnv(fixture.endpoints(), credentials);
    JsonNode members = ClusterRebuildRun.memberList(newCluster, tmp);
    assertThat(members.path("members")).hasSize(3);
    List<String> names = new ArrayList<>();
    for (JsonNode m : members.path("members")) {
      names.add(m.path("name").asText());
      assertThat(m.path("isLearner").asBoolean(false)).as(m.toString()).isFalse();
    }
    assertThat(names).containsExactlyInAnyOrder("rebuilt0", "rebuilt1", "rebuilt2");
    assertThat(ClusterRebuildRun.clusterId(members)).isNotEqualTo(ClusterRebuildRun.clusterId(
        ClusterRebuildRun.memberList(source.etcdctlEnvironment(), tmp)));
    String expected = get(source.etcdctlEnvironment());
    assertThat(expected.lines()).hasSize(2 * KEYS);
    assertThat(get(newCluster)).isEqualTo(expected);

    CliRun again = CliRun.run(ENV, "restore", "--cluster", "--from", archive, "--data-dir",
        fixture.dataDir(0).toString(), "--yes");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err().strip()).contains("refused: member rebuilt0 is running",
        "nothing was changed").doesNotContain("\n");
    fixture.pid(2).flatMap(ProcessHandle::of).ifPresent(h -> {
      h.destroyForcibly();
      h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    });
    List<String> before = listing(fixture.dataDir(2));
    CliRun hasData = CliRun.run(ENV, "restore", "--cluster", "--from", archive, "--data-dir",
        fixture.dataDir(2).toString(), "--yes");
    assertThat(hasData.exitCode()).isEqualTo(1);
    assertThat(hasData.err().strip()).contains("refused: member rebuilt2 has data in",
        "nothing was changed").doesNotContain("\n");
    assertThat(listing(fixture.dataDir(2))).isEqualTo(before);
  }

  static void writeKeys(EtcdClusterExtension cluster) throws Exception {
    EtcdTarget t = cluster.target();
    // A generous per-call deadline: a loaded machine can take seconds for the first TLS call.
    EtcdTarget patient = new EtcdTarget(t.endpoints(), t.caFile(), t.certFile(), t.keyFile(),
        Duration.ofSeconds(60), t.origins());
    try (EtcdClients clients = new EtcdClients(patient)) {
      KV kv = clients.cluster().getKVClient();
      for (int start = 0; start < KEYS; start += 100) {
        List<CompletableFuture<?>> puts = new ArrayList<>();
        for (int i = start; i < start + 100; i++) {
          puts.add(kv.put(bytes(String.format("/rebuild/k%05d", i)), bytes("value-" + i + "-"
              + "y".repeat(i % 40))));
        }
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      }
    }
  }

  private String get(Map<String, String> env) throws Exception {
    Map<String, String> withoutApi = new HashMap<>(env);
    withoutApi.remove("ETCDCTL_API");
    InstallFixture.Exec get = InstallFixture.exec(tmp, withoutApi, "etcdctl", "get",
        "/rebuild/", "--prefix");
    assertThat(get.exitCode()).as(get.output()).isZero();
    return get.output();
  }

  static Map<String, String> etcdctlEnv(String endpoints, Path credentials) {
    return Map.of("ETCDCTL_ENDPOINTS", endpoints,
        "ETCDCTL_CACERT", credentials.resolve("ca.crt").toString(),
        "ETCDCTL_CERT", credentials.resolve("client.crt").toString(),
        "ETCDCTL_KEY", credentials.resolve("client.key").toString());
  }

  static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(Path::toString).filter(p -> !p.endsWith("/restore.lock")).sorted()
          .toList();
    }
  }

  static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
