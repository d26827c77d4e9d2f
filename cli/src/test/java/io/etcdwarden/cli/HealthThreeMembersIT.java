package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.EtcdUnderTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's story on a 3-member TLS cluster: a healthy table, then a member goes away. */
class HealthThreeMembersIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);

  @Test
  void healthyClusterShowsEveryMemberAndExitsZero() {
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).containsPattern("Healthy with 3 known peers \\(leader etcd[0-2]\\)");
    assertThat(run.out().lines().filter(l -> l.startsWith("etcd"))).hasSize(3);
    assertThat(run.out()).contains(" " + EtcdUnderTest.version() + " ")
        .contains(etcd.clientUrls().get(2).toString());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void killedMemberIsNamedInTheStatusLineAndExitIsOne() {
    etcd.member(2).kill();

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("Unhealthy: 1 of 3 members unreachable (etcd2)");
    assertThat(run.out().lines().filter(l -> l.startsWith("etcd2")).findFirst().orElseThrow())
        .contains("false").contains("connection refused");
  }

  @Test
  void jsonListsMembersWithHexIdsAndOneLeader() throws Exception {
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "health", "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("healthy").asBoolean()).isTrue();
    assertThat(json.get("members")).hasSize(3);
    int leaders = 0;
    for (JsonNode member : json.get("members")) {
      assertThat(member.get("id").asText()).matches("[0-9a-f]{1,16}");
      leaders += member.get("leader").asBoolean() ? 1 : 0;
    }
    assertThat(leaders).isEqualTo(1);
  }

  @Test
  void charmStyleEnvironmentNamesWorkToo() {
    Map<String, String> modern = etcd.etcdctlEnvironment();
    Map<String, String> charm = Map.of(
        "ETCDCTL_ENDPOINT", modern.get("ETCDCTL_ENDPOINTS"),
        "ETCDCTL_CA_FILE", modern.get("ETCDCTL_CACERT"),
        "ETCDCTL_CERT_FILE", modern.get("ETCDCTL_CERT"),
        "ETCDCTL_KEY_FILE", modern.get("ETCDCTL_KEY"));

    CliRun run = CliRun.run(charm, "health");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Healthy with 3 known peers");
  }

  @Test
  void flagsWinOverTheEnvironment() {
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("ETCDCTL_ENDPOINTS", "https://127.0.0.1:1");

    CliRun run = CliRun.run(env, "health", "--endpoints", etcd.clientUrls().get(0).toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Healthy with 3 known peers");
  }
}
