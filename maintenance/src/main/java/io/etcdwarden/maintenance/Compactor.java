package io.etcdwarden.maintenance;

import io.etcd.jetcd.options.CompactOption;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import java.time.Duration;

/**
 * Compacts the cluster's key history, never past the current revision, and says from which
 * revision to which. Compaction is not a write etcd refuses under NOSPACE, so it works while
 * the cluster rejects writes; it frees pages inside the DB file, which only a defrag returns to
 * the file system.
 */
public final class Compactor {
  private static final Duration PHYSICAL_WAIT = Duration.ofMinutes(5);
  private final EtcdClients clients;
  private final ClusterReader reader;

  public Compactor(EtcdClients clients) {
    this.clients = clients;
    this.reader = new ClusterReader(clients);
  }

  /** Compacts as asked; returns one line saying what was done (or that nothing was needed). */
  public String compact(CompactRequest request) {
    ClusterReading reading = reader.read(1);
    long current = reading.revision();
    long to = request.revision() > 0 ? request.revision()
        : Math.max(1, current - request.keepRevisions());
    if (to > current) {
      throw WardenException.badInput("compact refused: --revision " + to
          + " is past the current revision " + current);
    }
    if (to <= reading.compactedRevision()) {
      return "compact: history is already compacted to revision " + reading.compactedRevision()
          + " (current " + current + "); nothing to do";
    }
    CompactOption option = CompactOption.builder().withCompactPhysical(request.physical())
        .build();
    Duration limit = request.physical() ? PHYSICAL_WAIT : clients.target().timeout();
    Calls.await(clients.cluster().getKVClient().compact(to, option), clients.target(), limit,
        null);
    return "compact: history compacted to revision " + to + " (was "
        + reading.compactedRevision() + ", current " + current + ")"
        + (request.physical() ? ", physically applied" : "");
  }
}
