package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.daemon.DaemonSettings;
import io.etcdwarden.daemon.WardenDaemon;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that prints data, run with {@code -w json} on a 3-member TLS cluster and a
 * volume store, prints one document Jackson parses, with the fields README documents; fields
 * and ETCDCTL_WRITE_OUT reach the same writer.
 */
class WriteOutJsonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path tmp;

  private JsonNode json(String... args) throws Exception {
    String[] all = Stream.concat(Stream.of(args), Stream.of("-w", "json")).toArray(String[]::new);
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), all);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return JSON.readTree(run.out());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.get(field).asText()));
    return values;
  }

  @Test
  void everyDataCommandPrintsJsonJacksonParses() throws Exception {
    JsonNode health = json("health");
    assertThat(health.get("healthy").asBoolean()).isTrue();
    assertThat(texts(health.get("members"), "name"))
        .containsExactlyInAnyOrder("etcd0", "etcd1", "etcd2");

    JsonNode members = json("member", "list").get("members");
    assertThat(texts(members, "name")).containsExactlyInAnyOrder("etcd0", "etcd1", "etcd2");
    assertThat(texts(members, "id")).allMatch(id -> id.matches("[0-9a-f]{1,16}"));
    assertThat(members.get(0).get("client_urls").get(0).asText()).startsWith("https://127.0.0.1:");

    JsonNode maintenance = json("maintenance", "status");
    assertThat(maintenance.get("revision").asLong()).isPositive();
    assertThat(maintenance.get("members")).hasSize(3);

    assertThat(json("alarm", "list").get("alarms").isArray()).isTrue();
    assertThat(json("alarm", "list").get("alarms")).isEmpty();

    Path pki = etcd.cluster().dir().resolve("pki");
    JsonNode certs = json("certs", "status", "--ca", pki.toString());
    assertThat(texts(certs.get("certificates"), "role")).contains("CA");
    assertThat(certs.get("overall").asText()).isEqualTo("OK");

    String store = "file://" + Files.createDirectories(tmp.resolve("store"));
    JsonNode snapshot = json("snapshot", "--target", store, "--allow-non-mount");
    String path = snapshot.get("snapshot.path").asText();
    long revision = snapshot.get("snapshot.revision").asLong();
    assertThat(path).matches(".*/etcd-snapshot-[0-9.-]+\\.tar\\.gz");
    assertThat(revision).isPositive();
    String name = Path.of(path).getFileName().toString();

    JsonNode listed = json("snapshots", "list", "--target", store, "--allow-non-mount",
        "--long").get("archives");
    assertThat(texts(listed, "name")).containsExactly(name);
    assertThat(listed.get(0).get("revision").asLong()).isEqualTo(revision);
    assertThat(listed.get(0).get("size_bytes").asLong()).isEqualTo(snapshot.get("snapshot.size")
        .asLong());

    JsonNode verified = json("snapshots", "verify", "--target", store, "--allow-non-mount");
    assertThat(verified.get("checked").asInt()).isEqualTo(1);
    assertThat(verified.get("sound").asInt()).isEqualTo(1);
    assertThat(verified.get("archives").get(0).get("revision").asLong()).isEqualTo(revision);

    JsonNode pruned = json("snapshots", "prune", "--target", store, "--allow-non-mount",
        "--dry-run");
    assertThat(pruned.get("dry_run").asBoolean()).isTrue();
    assertThat(texts(pruned.get("archives"), "name")).containsExactly(name);
    assertThat(pruned.get("archives").get(0).get("kept").asBoolean()).isTrue();

    CliRun drill = CliRun.run(Map.of("PATH", System.getenv("PATH")), "snapshots", "drill",
        "--store", store, "--allow-non-mount", "--scratch-dir", tmp.toString(), "-w", "json");
    assertThat(drill.exitCode()).as(drill.toString()).isZero();
    JsonNode drilled = JSON.readTree(drill.out());
    assertThat(drilled.get("passed").asBoolean()).isTrue();
    assertThat(drilled.get("archive").asText()).contains(name);
    assertThat(drilled.get("revision").asLong()).isEqualTo(revision);

    try (WardenDaemon daemon = WardenDaemon.start(DaemonSettings.of(etcd.target(),
        BackupSection.defaults(), new DaemonSection(Duration.ofHours(1), "127.0.0.1", 0,
            Duration.ofSeconds(3), tmp.resolve("state")), "test").withInstance("output-it")
        .withStopGrace(Duration.ofSeconds(5)))) {
      JsonNode status = json("status", "--daemon", "127.0.0.1:" + daemon.address().getPort());
      assertThat(status.get("instance").asText()).isEqualTo("output-it");
      assertThat(texts(status.get("jobs"), "name")).contains("health");
    }
  }

  @Test
  void fieldsAreEtcdctlsLinesOneBlockPerMember() {
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "member", "list", "-w", "fields");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().filter(l -> l.matches("\"Name\" : \"etcd[0-2]\""))).hasSize(3);
    assertThat(run.out().lines().filter(l -> l.matches("\"Learner\" : false"))).hasSize(3);
    assertThat(run.out().lines().filter(String::isEmpty)).hasSize(3);
  }

  @Test
  void etcdctlsWriteOutVariableChoosesJsonAndTheOldJsonFlagStillWorks() throws Exception {
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("ETCDCTL_WRITE_OUT", "json");
    CliRun viaEnv = CliRun.run(env, "member", "list");
    assertThat(viaEnv.exitCode()).as(viaEnv.toString()).isZero();
    assertThat(JSON.readTree(viaEnv.out()).get("members")).hasSize(3);

    CliRun flagWins = CliRun.run(env, "member", "list", "-w", "table");
    assertThat(flagWins.out()).startsWith("ID ");

    CliRun old = CliRun.run(etcd.etcdctlEnvironment(), "health", "--json");
    assertThat(JSON.readTree(old.out()).get("members")).hasSize(3);
  }
}
