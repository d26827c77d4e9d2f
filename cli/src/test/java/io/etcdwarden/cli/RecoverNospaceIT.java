package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.maintenance.AlarmMember;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.HealthyClusterVerdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NOSPACE for real on a 3-member TLS cluster with a 16 MiB quota, filled by overwriting the same
 * keys in txns until etcd refuses: disarm is refused while the DB is still at its quota (alarm
 * kept), then {@code recover nospace} compacts, defrags every member, disarms and proves a
 * write; etcd answers with no alarm, writes work again and {@code check cluster} is OK again.
 * {@code maintenance status --json} shows the alarm, the full DB and later the compaction.
 */
@Tag("etcd-versions")
class RecoverNospaceIT {
  private static final long QUOTA = 16L * 1024 * 1024;
  private static final int BATCH = 100;
  private static final int MAX_BATCHES = 600;

  @RegisterExtension
  static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3).quotaBackendBytes(QUOTA);

  @Test
  void recoverNospaceRestoresWritesAndClearsTheAlarm() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      KV kv = clients.cluster().getKVClient();
      int batches = 0;
      while (fill(kv, batches) && batches < MAX_BATCHES) {
        batches++;
      }
      assertThat(batches).as("NOSPACE reached").isLessThan(MAX_BATCHES);
      assertThat(alarms(clients)).as("etcd holds NOSPACE").isNotEmpty();
      CliRun check = checkCluster();
      assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
      assertThat(check.out()).contains("treat: etcd-warden recover nospace");
      JsonNode full = status();
      assertThat(full.path("alarms").findValuesAsText("type")).contains("NOSPACE");
      assertThat(full.path("members")).hasSize(3);
      assertThat(full.path("members").findValues("leader")).filteredOn(JsonNode::asBoolean)
          .hasSize(1);
      assertThat(full.path("members").findValues("quota_percent"))
          .anyMatch(p -> p.asDouble() >= 95);
      assertThat(full.path("compacted_revision").asLong()).isEqualTo(1);

      CliRun disarm = CliRun.run(etcd.etcdctlEnvironment(), "alarm", "disarm",
          "--quota-bytes", Long.toString(QUOTA));
      assertThat(disarm.exitCode()).as(disarm.toString()).isEqualTo(1);
      assertThat(disarm.err().strip()).startsWith("etcd-warden: alarm disarm refused: ")
          .contains("of its quota 16.0 MiB").doesNotContain("\n");
      assertThat(alarms(clients)).as("alarm kept after the refusal").isNotEmpty();

      CliRun recover = CliRun.run(etcd.etcdctlEnvironment(), "recover", "nospace",
          "--quota-bytes", Long.toString(QUOTA), "--no-backup-gate", "--pause", "100ms");
      assertThat(recover.exitCode()).as(recover.toString()).isZero();
      assertThat(recover.out()).contains("compacted to revision").contains("disarmed NOSPACE")
          .contains("write and delete of /etcd-warden/maintenance/write-probe succeeded");

      assertThat(alarms(clients)).as("alarms after recovery").isEmpty();
      kv.put(bytes("/after-recovery"), bytes("ok")).get(10, TimeUnit.SECONDS);
      assertThat(kv.get(bytes("/after-recovery")).get(10, TimeUnit.SECONDS).getKvs())
          .hasSize(1);
      for (var member : etcd.members()) {
        long size = clients.cluster().getMaintenanceClient()
            .statusMember(member.clientUrl().toString()).get(10, TimeUnit.SECONDS).getDbSize();
        assertThat(size).as(member.name() + " DB after recovery").isLessThan(QUOTA / 2);
      }
      check = checkCluster();
      assertThat(check.exitCode()).as(check.toString())
          .isEqualTo(HealthyClusterVerdict.exitCode());
      JsonNode after = status();
      assertThat(after.path("alarms")).isEmpty();
      assertThat(after.path("compacted_revision").asLong())
          .isGreaterThanOrEqualTo(full.path("revision").asLong());
    }
  }

  private static List<AlarmMember> alarms(EtcdClients clients) throws Exception {
    return clients.cluster().getMaintenanceClient().listAlarms().get(10, TimeUnit.SECONDS)
        .getAlarms();
  }

  /** {@code maintenance status --json}, parsed. */
  private static JsonNode status() throws Exception {
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "maintenance", "status", "--json",
        "--quota-bytes", Long.toString(QUOTA));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  private static CliRun checkCluster() {
    return CliRun.run(etcd.etcdctlEnvironment(), "check", "cluster",
        "--quota-bytes", Long.toString(QUOTA));
  }

  /** One txn overwriting the same {@value #BATCH} keys; false once etcd refuses for space. */
  private static boolean fill(KV kv, int round) throws Exception {
    byte[] value = new byte[2048];
    value[0] = (byte) round;
    List<Op> puts = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      puts.add(Op.put(bytes("/fill/" + i), ByteSequence.from(value), PutOption.DEFAULT));
    }
    try {
      kv.txn().Then(puts.toArray(Op[]::new)).commit().get(20, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (String.valueOf(e.getCause().getMessage()).contains("database space exceeded")) {
        return false;
      }
      throw e;
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
