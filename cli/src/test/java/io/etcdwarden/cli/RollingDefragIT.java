package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.installer.local.LocalMember;
import io.etcdwarden.maintenance.DefragRequest;
import io.etcdwarden.maintenance.DefragRule;
import io.etcdwarden.maintenance.RollingDefrag;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolling defrag on a 3-member TLS cluster with a fragmented DB: followers first, leadership
 * moved away before the old leader is defragmented (both read from etcd's own member status at
 * each step), while a writer with a 2 s deadline per write sees no failure. And the refusals,
 * each one line with every DB size unchanged: a member down, no recent archive, a bad rule.
 */
@Tag("etcd-versions")
class RollingDefragIT {
  @RegisterExtension
  static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(3);

  @TempDir Path tmp;

  @Test
  void followersFirstLeaderLastAfterLeadershipMovedAndNoWriteFails() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      fragment(clients);
      String firstLeader = leader(clients);
      List<String> steps = new ArrayList<>();
      List<String> leaderAtStep = new ArrayList<>();
      DefragRequest request = new DefragRequest(List.of(), DefragRule.parse("fragmentation > 10"),
          2L << 30, Duration.ofMillis(200), Duration.ofMinutes(2), Duration.ofSeconds(30), false);
      try (PacedWriter writer = new PacedWriter(clients.cluster().getKVClient(), 100_000,
          Duration.ofMinutes(3))) {
        new RollingDefrag(clients).run(request, line -> {
          steps.add(line);
          leaderAtStep.add(leader(clients));
        });
        writer.close();
        assertThat(writer.failures()).as("writes failed during the run").isZero();
        assertThat(writer.acknowledged()).isNotEmpty();
      }
      List<String> defragmented = new ArrayList<>();
      int moved = -1;
      for (int i = 0; i < steps.size(); i++) {
        String line = steps.get(i);
        if (line.startsWith("moved leadership from " + firstLeader + " to ")) {
          moved = i;
          assertThat(leaderAtStep.get(i)).as("leader once moved").isNotEqualTo(firstLeader);
        }
        if (line.startsWith("defragmented ")) {
          String name = line.substring("defragmented ".length(), line.indexOf(':'));
          defragmented.add(name);
          assertThat(leaderAtStep.get(i)).as("leader right after " + name + "'s defrag")
              .isNotEqualTo(name);
        }
      }
      assertThat(defragmented).as(String.join("\n", steps)).hasSize(3);
      assertThat(defragmented.subList(0, 2)).doesNotContain(firstLeader);
      assertThat(defragmented.get(2)).isEqualTo(firstLeader);
      assertThat(moved).as("leadership moved before the old leader's defrag").isBetween(0,
          steps.indexOf(steps.stream().filter(s -> s.startsWith("defragmented " + firstLeader))
              .findFirst().orElseThrow()));
    }
  }

  @Test
  void refusalsAreOneLineAndChangeNothing() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      fragment(clients);
      Map<String, Long> before = sizes(clients, etcd.members());

      CliRun badRule = defrag("--all", "--no-backup-gate", "--rule", "fragmentation >> 3");
      assertThat(badRule.exitCode()).as(badRule.toString()).isEqualTo(2);
      assertOneLine(badRule, "etcd-warden: --rule: 'fragmentation >> 3'");

      Path empty = Files.createDirectories(tmp.resolve("store"));
      CliRun noArchive = defrag("--all", "--target", "file://" + empty, "--allow-non-mount");
      assertThat(noArchive.exitCode()).as(noArchive.toString()).isEqualTo(1);
      assertOneLine(noArchive, "etcd-warden: maintenance refused: no verified archive younger"
          + " than 60 min");

      LocalMember down = etcd.member(2);
      down.stop();
      CliRun memberDown = defrag("--all", "--no-backup-gate", "--ready-wait", "2s");
      assertThat(memberDown.exitCode()).as(memberDown.toString()).isEqualTo(1);
      assertOneLine(memberDown, "etcd-warden: defrag refused, nothing done: member "
          + down.name() + " does not answer");
      assertThat(sizes(clients, etcd.members().subList(0, 2)))
          .isEqualTo(Map.of(etcd.member(0).name(), before.get(etcd.member(0).name()),
              etcd.member(1).name(), before.get(etcd.member(1).name())));
      down.start();
      down.awaitHealthy(Duration.ofSeconds(60));
      assertThat(sizes(clients, etcd.members())).as("no DB changed").isEqualTo(before);
    }
  }

  private static void assertOneLine(CliRun run, String start) {
    assertThat(run.err().strip()).as(run.toString()).startsWith(start).doesNotContain("\n");
  }

  private static CliRun defrag(String... flags) {
    List<String> args = new ArrayList<>(List.of("defrag", "--pause", "100ms"));
    args.addAll(List.of(flags));
    return CliRun.run(etcd.etcdctlEnvironment(), args.toArray(String[]::new));
  }

  /**
   * Overwrites 20 keys of 8 KiB 300 times (one txn per round), then compacts: most of the DB is
   * then free. A txn that runs out of the client's deadline on this loaded machine is sent again
   * (it writes the same values) until a minute has passed.
   */
  private static void fragment(EtcdClients clients) throws Exception {
    KV kv = clients.cluster().getKVClient();
    long revision = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    for (int round = 0; round < 300; round++) {
      byte[] value = new byte[8192];
      value[0] = (byte) round;
      List<Op> puts = new ArrayList<>();
      for (int k = 0; k < 20; k++) {
        puts.add(Op.put(PacedWriter.bytes("/frag/" + k), ByteSequence.from(value),
            PutOption.DEFAULT));
      }
      while (true) {
        try {
          revision = kv.txn().Then(puts.toArray(Op[]::new)).commit().get(20, TimeUnit.SECONDS)
              .getHeader().getRevision();
          break;
        } catch (ExecutionException e) {
          if (Status.fromThrowable(e.getCause()).getCode() != Status.Code.DEADLINE_EXCEEDED
              || System.nanoTime() > deadline) {
            throw e;
          }
        }
      }
    }
    kv.compact(revision).get(20, TimeUnit.SECONDS);
  }

  private static Map<String, Long> sizes(EtcdClients clients, List<LocalMember> members)
      throws Exception {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (LocalMember m : members) {
      sizes.put(m.name(), status(clients, m).getDbSize());
    }
    return sizes;
  }

  /** The leader's name as etcd's member status says, asked of every member. */
  private static String leader(EtcdClients clients) {
    try {
      for (LocalMember m : etcd.members()) {
        StatusResponse s = status(clients, m);
        if (s.getLeader() == s.getHeader().getMemberId()) {
          return m.name();
        }
      }
      return "";
    } catch (Exception e) {
      throw new AssertionError("member status failed", e);
    }
  }

  private static StatusResponse status(EtcdClients clients, LocalMember m) throws Exception {
    return clients.cluster().getMaintenanceClient().statusMember(m.clientUrl().toString())
        .get(10, TimeUnit.SECONDS);
  }
}
