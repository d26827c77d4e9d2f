package io.etcdwarden.checks.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.checks.ByteSizes;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTableTest {
  private final ClusterReport report = new ClusterReport(Instant.parse("2026-11-23T12:00:00Z"),
      "cdf818194e3a8c32", List.of(
          new MemberStatus("etcd0", "8e9e05c52164694d", "https://127.0.0.1:2379", true, true,
              false, "8e9e05c52164694d", "3.4.23", 20480, 16384, 2, 8, 8, List.of(), List.of(),
              4),
          new MemberStatus("etcd1", "ffffffffffffffff", "https://127.0.0.1:2479", false, false,
              false, "", "", 0, 0, 0, 0, 0, List.of(),
              List.of("https://127.0.0.1:2479: connection refused (is etcd running there?)"), 0)));

  @Test
  void tableHasOneRowPerMemberAndEndsWithTheVerdict() {
    List<String> lines = HealthTable.render(report).lines().toList();

    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("NAME").contains("CLIENT URL", "RAFT INDEX", "ERRORS");
    assertThat(lines.get(1)).startsWith("etcd0").contains("true", "3.4.23", "20.0 KiB");
    assertThat(lines.get(2)).startsWith("etcd1").contains("false", "connection refused");
    assertThat(lines.get(3)).isEqualTo("Unhealthy: 1 of 2 members unreachable (etcd1)");
  }

  @Test
  void columnsLineUp() {
    List<String> lines = HealthTable.render(report).lines().toList();
    int urlColumn = lines.get(0).indexOf("CLIENT URL");

    assertThat(lines.get(1).indexOf("https://")).isEqualTo(urlColumn);
    assertThat(lines.get(2).indexOf("https://")).isEqualTo(urlColumn);
  }

  @Test
  void jsonCarriesUnsignedIdsAsHexAndTheVerdict() throws Exception {
    JsonNode json = new ObjectMapper().readTree(HealthJson.render(report));

    assertThat(json.get("healthy").asBoolean()).isFalse();
    assertThat(json.get("summary").asText()).startsWith("Unhealthy: 1 of 2");
    assertThat(json.get("members")).hasSize(2);
    assertThat(json.get("members").get(1).get("id").asText()).isEqualTo("ffffffffffffffff");
    assertThat(json.get("members").get(0).get("db_size_bytes").asLong()).isEqualTo(20480);
  }

  @Test
  void byteSizesUseBinaryUnits() {
    assertThat(ByteSizes.human(512)).isEqualTo("512 B");
    assertThat(ByteSizes.human(1536)).isEqualTo("1.5 KiB");
    assertThat(ByteSizes.human(2L * 1024 * 1024 * 1024)).isEqualTo("2.0 GiB");
  }
}
