package io.etcdwarden.daemon;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.maintenance.RevisionHistory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After each health survey, adds the cluster's revision and the time to the
 * {@link RevisionHistory} that {@code compact --retain} and {@code maintenance.compact_retain}
 * turn durations into revisions with. The history spaces its own samples, so most calls are one
 * read. A failure (a cluster refusing writes under NOSPACE) never fails the health job: it is
 * logged at debug level and the next survey tries again.
 */
final class RevisionRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(WardenDaemon.class);
  private final RevisionHistory history;
  private final Clock clock;

  RevisionRecorder(EtcdClients clients, Clock clock) {
    this.history = new RevisionHistory(clients);
    this.clock = clock;
  }

  void record() {
    try {
      history.record(clock.instant());
    } catch (WardenException e) {
      LOG.debug("revision history not updated: {}", e.getMessage());
    }
  }
}
