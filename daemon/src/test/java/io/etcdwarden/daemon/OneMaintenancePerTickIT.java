package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.MaintenanceSection;
import io.etcdwarden.maintenance.RevisionHistory;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons, as on two members, on one 3-member TLS cluster with a 20-second
 * {@code maintenance.defrag_schedule}: each tick's rolling defrag is run by exactly one of them,
 * the other sees the tick served (or the lock taken) and skips it, and the record in etcd names
 * the daemon that ran the last one. With {@code compact_retain: 1h} and a revision recorded two
 * hours ago, the first run compacts etcd's history to exactly that revision.
 */
class OneMaintenancePerTickIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);
  @TempDir Path tmp;

  @Test
  void twoDaemonsDefragmentOncePerTick() throws Exception {
    MaintenanceSection maintenance = new MaintenanceSection("0/20 * * * * ?", "db_size >= 1",
        Optional.of(Duration.ofHours(1)));
    long sampled;
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      for (int i = 0; i < 3; i++) {
        clients.cluster().getKVClient().put(bytes("/old/" + i), bytes("v"))
            .get(10, TimeUnit.SECONDS);
      }
      // as if a daemon had recorded the revision two hours ago
      RevisionHistory history = new RevisionHistory(clients);
      assertThat(history.record(Instant.now().minus(Duration.ofHours(2)))).isTrue();
      sampled = history.read().get(0).revision();
    }
    List<WardenDaemon> daemons = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        daemons.add(WardenDaemon.start(Daemons.settings("d" + i, etcd.target(),
            Optional.empty(), "", Duration.ofSeconds(5), tmp.resolve("state" + i))
            .withMaintenance(maintenance)));
      }
      Await.every(Duration.ofMillis(200)).await(Duration.ofSeconds(120),
          "two maintenance ticks served (the daemons' histories)", () -> histories(daemons),
          h -> count(daemons, JobHistory.Outcome.OK) >= 2);
    } finally {
      daemons.forEach(WardenDaemon::close);
    }
    String histories = histories(daemons);
    List<String> servedTicks = daemons.stream()
        .flatMap(d -> d.history().recent(WardenDaemon.MAINTENANCE).stream())
        .filter(r -> r.outcome() == JobHistory.Outcome.OK)
        .map(r -> r.result().split(": ", 2)[0]).toList();

    assertThat(count(daemons, JobHistory.Outcome.OK)).as(histories).isGreaterThanOrEqualTo(2);
    assertThat(servedTicks).as(histories).doesNotHaveDuplicates()
        .allMatch(t -> t.startsWith("tick "));
    assertThat(count(daemons, JobHistory.Outcome.SKIPPED))
        .as("the other daemon skipped each tick served: " + histories).isGreaterThan(0);
    assertThat(histories).contains("defragmented 3, skipped 0")
        .contains("history compacted to revision " + sampled);
    assertThat(daemons.get(0).status().jobs()).anyMatch(j ->
        j.name().equals(WardenDaemon.MAINTENANCE) && j.schedule().contains("0/20"));

    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      Client client = clients.cluster();
      JsonNode last = new ObjectMapper().readTree(client.getKVClient()
          .get(bytes(MaintenanceRun.LAST_RUN))
          .get(10, TimeUnit.SECONDS).getKvs().get(0).getValue().toString(StandardCharsets.UTF_8));
      assertThat(last.get("ok").asBoolean()).isTrue();
      assertThat(last.get("instance").asText()).isIn("d0", "d1");
      assertThat(servedTicks).contains("tick " + last.get("tick").asText());
      long compactedTo = sampled;
      assertThatThrownBy(() -> client.getKVClient().get(bytes("/old/0"),
          GetOption.builder().withRevision(compactedTo - 1).build()).get(10, TimeUnit.SECONDS))
          .as("etcd compacted to the recorded revision").hasMessageContaining("compacted");
      // every member answers and one leads after the rolling run
      assertThat(client.getMaintenanceClient().statusMember(etcd.target().endpoints().get(0)
          .toString()).get(10, TimeUnit.SECONDS).getLeader()).isNotZero();
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }

  private static long count(List<WardenDaemon> daemons, JobHistory.Outcome outcome) {
    return daemons.stream().mapToLong(d -> {
      JobHistory.Entry e = d.history().entry(WardenDaemon.MAINTENANCE);
      return switch (outcome) {
        case OK -> e.succeeded();
        case SKIPPED -> e.skipped();
        case FAILED -> e.failures();
      };
    }).sum();
  }

  private static String histories(List<WardenDaemon> daemons) {
    StringBuilder s = new StringBuilder();
    daemons.forEach(d -> d.history().recent(WardenDaemon.MAINTENANCE).forEach(r -> s
        .append(d.status().instance()).append(' ').append(r.outcome()).append(' ')
        .append(r.result()).append('\n')));
    return s.toString();
  }
}
