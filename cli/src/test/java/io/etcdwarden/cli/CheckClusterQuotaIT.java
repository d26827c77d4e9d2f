package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member with a 16 MiB {@code quota-backend-bytes} filled in batches (at most 128 puts per
 * txn): the check warns past 80 % of the quota, and goes CRITICAL once etcd raises NOSPACE,
 * which etcdctl 3.4's {@code endpoint health} would still call healthy.
 */
class CheckClusterQuotaIT {
  private static final long QUOTA = 16L * 1024 * 1024;
  private static final int BATCH = 100;
  private static final int VALUE_BYTES = 2 * 1024;
  private static final int MAX_BATCHES = 400;

  @RegisterExtension
  static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1).quotaBackendBytes(QUOTA);

  private int nextKey;

  @Test
  void fillingTheDbWarnsThenNospaceIsCritical() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      KV kv = clients.cluster().getKVClient();
      CliRun run = check();
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(HealthyClusterVerdict.exitCode());

      int batches = 0;
      while (!run.out().startsWith("ETCD_CLUSTER WARNING: DB ") && run.exitCode() < 2
          && batches++ < MAX_BATCHES) {
        assertThat(fill(kv)).as("NOSPACE before any warning").isTrue();
        run = check();
      }
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.out()).startsWith("ETCD_CLUSTER WARNING: DB ").contains("of quota 16.0 MiB");

      boolean accepted = true;
      while (accepted && batches++ < MAX_BATCHES) {
        accepted = fill(kv);
      }
      assertThat(accepted).as("etcd refused a write with NOSPACE").isFalse();
      run = check();
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.out()).startsWith("ETCD_CLUSTER CRITICAL: ").contains("alarm NOSPACE on etcd0");
    }
  }

  private static CliRun check() {
    return CliRun.run(etcd.etcdctlEnvironment(), "check", "cluster",
        "--quota-bytes", Long.toString(QUOTA));
  }

  /** One txn of {@value #BATCH} puts; false when etcd refuses it for lack of space. */
  private boolean fill(KV kv) throws InterruptedException {
    byte[] value = new byte[VALUE_BYTES];
    List<Op> puts = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      puts.add(Op.put(bytes("/fill/" + nextKey++), ByteSequence.from(value), PutOption.DEFAULT));
    }
    try {
      kv.txn().Then(puts.toArray(Op[]::new)).commit().get(10, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (String.valueOf(e.getCause().getMessage()).contains("database space exceeded")) {
        return false;
      }
      throw new AssertionError("txn failed: " + e.getCause(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("txn timed out", e);
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
