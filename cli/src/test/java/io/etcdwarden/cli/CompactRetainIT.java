package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.maintenance.RevisionHistory;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code compact --retain} on a real TLS member: with a revision-history sample three hours old
 * (as the daemon records them), {@code --retain 2h} compacts to exactly that revision (etcd
 * refuses reads below it and still answers at it); {@code --retain 4h} reaches past the history
 * and is refused in one line, nothing compacted further.
 */
class CompactRetainIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);

  @Test
  void retainPicksTheRevisionFromTheHistory() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      KV kv = clients.cluster().getKVClient();
      for (int i = 0; i < 3; i++) {
        kv.put(bytes("/old/" + i), bytes("v" + i)).get(10, TimeUnit.SECONDS);
      }
      RevisionHistory history = new RevisionHistory(clients);
      assertThat(history.record(Instant.now().minus(Duration.ofHours(3)))).isTrue();
      long sampled = history.read().get(0).revision();
      for (int i = 0; i < 3; i++) {
        kv.put(bytes("/new/" + i), bytes("v" + i)).get(10, TimeUnit.SECONDS);
      }

      CliRun tooFar = CliRun.run(etcd.etcdctlEnvironment(), "compact", "--retain", "4h");
      assertThat(tooFar.exitCode()).as(tooFar.toString()).isEqualTo(2);
      assertThat(tooFar.err().strip()).startsWith("etcd-warden: --retain 4h: the revision"
          + " history in " + RevisionHistory.KEY + " does not reach back").doesNotContain("\n");
      // nothing compacted: the first revision still answers
      assertThat(kv.get(bytes("/old/0"), GetOption.builder().withRevision(2).build())
          .get(10, TimeUnit.SECONDS).getKvs()).hasSize(1);

      CliRun compact = CliRun.run(etcd.etcdctlEnvironment(), "compact", "--retain", "2h");
      assertThat(compact.exitCode()).as(compact.toString()).isZero();
      assertThat(compact.out()).contains("compacted to revision " + sampled);
      assertThat(kv.get(bytes("/old/0"), GetOption.builder().withRevision(sampled).build())
          .get(10, TimeUnit.SECONDS).getKvs()).hasSize(1);
      assertThatThrownBy(() -> kv.get(bytes("/old/0"),
          GetOption.builder().withRevision(sampled - 1).build()).get(10, TimeUnit.SECONDS))
          .hasMessageContaining("compacted");
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
