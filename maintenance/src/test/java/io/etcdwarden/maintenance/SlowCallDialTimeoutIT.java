package io.etcdwarden.maintenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.lock.LockResponse;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dial timeout bounds connecting, never a request on a connection that works: with
 * a dial timeout of 3 s and a 20 s per-call deadline, a request etcd
 * answers only after several seconds (a defrag of a large member; here a lock that waits for its
 * holder) still completes.
 */
class SlowCallDialTimeoutIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);

  @Test
  void aRequestSlowerThanTheDialTimeoutOnAWorkingConnectionCompletes() throws Exception {
    EtcdTarget base = etcd.target();
    EtcdTarget target = new EtcdTarget(base.endpoints(), base.caFile(), base.certFile(),
        base.keyFile(), Duration.ofSeconds(20), base.origins(), Duration.ofSeconds(3));
    ByteSequence name = ByteSequence.from("slow-call-lock", UTF_8);
    try (EtcdClients clients = new EtcdClients(target)) {
      Client client = clients.cluster();
      long holder = client.getLeaseClient().grant(60).get(10, TimeUnit.SECONDS).getID();
      long waiter = client.getLeaseClient().grant(60).get(10, TimeUnit.SECONDS).getID();
      client.getLockClient().lock(name, holder).get(10, TimeUnit.SECONDS);

      CompletableFuture<LockResponse> waiting = client.getLockClient().lock(name, waiter);
      // Still waiting well past the dial timeout: the call is open, not cancelled.
      assertThat(waiting).failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(TimeoutException.class);
      client.getLeaseClient().revoke(holder).get(10, TimeUnit.SECONDS);

      assertThat(waiting.get(15, TimeUnit.SECONDS).getKey().toString(UTF_8))
          .startsWith("slow-call-lock/");
    }
  }
}
