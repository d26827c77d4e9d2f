package io.etcdwarden.daemon;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.GetResponse;
import io.etcdwarden.checks.backup.LastRun;
import io.etcdwarden.core.client.EtcdClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the cluster's {@link LastRun} record through the health job's own connection (no new
 * client per survey). Without quorum the read fails and the snapshot gauges keep their last
 * values; the cluster gauges show the lost quorum.
 */
final class LastRunRecord {
  private static final Logger LOG = LoggerFactory.getLogger(LastRunRecord.class);

  private LastRunRecord() {}

  static Optional<LastRun> read(EtcdClients clients) {
    try {
      GetResponse response = clients.cluster().getKVClient()
          .get(ByteSequence.from(LastRun.KEY, StandardCharsets.UTF_8))
          .get(clients.target().timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (response.getKvs().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(LastRun.fromJson(response.getKvs().get(0).getValue().getBytes()));
    } catch (IOException | ExecutionException | TimeoutException e) {
      LOG.debug("cannot read {}: {}", LastRun.KEY, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
