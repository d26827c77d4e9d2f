package io.etcdwarden.backup;

import io.etcd.jetcd.Maintenance;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams one member's snapshot to a temp file in the spool directory. A tar entry needs its
 * size before its bytes, and the manifest needs the db's size and sha256: both are known only
 * at the end of etcd's stream, so the stream goes to local disk first (constant memory, the
 * file is deleted afterwards). A stream that fails, stalls longer than the idle timeout, or ends
 * without etcd's valid trailing hash is an error and leaves no file.
 */
final class SnapshotSpooler {
  private final Path spoolDir;
  private final Duration idleTimeout;
  private final EtcdTarget target;

  SnapshotSpooler(Path spoolDir, Duration idleTimeout, EtcdTarget target) {
    this.spoolDir = spoolDir;
    this.idleTimeout = idleTimeout;
    this.target = target;
  }

  SpooledSnapshot spool(Maintenance maintenance, URI member, String memberName,
      long expectedBytes, SnapshotProgress progress) {
    Path file = createSpoolFile();
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      SpoolObserver observer = new SpoolObserver(out, progress, expectedBytes);
      maintenance.snapshot(observer);
      awaitEnd(observer, member, memberName);
      if (!observer.etcdHashMatches()) {
        throw new WardenException("snapshot stream from " + memberName + " (" + member
            + ") ended after " + observer.received.get() + " bytes without etcd's valid"
            + " trailing hash: the stream was cut short; try again");
      }
      // No fsync: the spool file is read back at once and deleted; only the archive is durable.
      return new SpooledSnapshot(file, observer.received.get(), observer.sha256());
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file, e);
      if (e instanceof WardenException w) {
        throw w;
      }
      throw new WardenException("cannot spool the snapshot to " + spoolDir + ": " + e, e);
    }
  }

  private void awaitEnd(SpoolObserver observer, URI member, String memberName) {
    long lastSeen = -1;
    while (true) {
      try {
        observer.done.get(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        long now = observer.received.get();
        if (now == lastSeen) {
          observer.done.cancel(false);
          throw WardenException.retryable("snapshot stream from " + memberName + " (" + member
              + ") stalled: no data for " + idleTimeout.toSeconds() + " s after " + now
              + " bytes", e);
        }
        lastSeen = now;
      } catch (ExecutionException e) {
        WardenException why = EtcdClients.explain(e.getCause(), member, target);
        throw WardenException.retryable("snapshot stream from " + memberName + " (" + member
            + ") broke off after " + observer.received.get() + " bytes: " + why.getMessage(),
            e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        observer.done.cancel(false);
        throw new WardenException("interrupted while streaming the snapshot", e);
      }
    }
  }

  private Path createSpoolFile() {
    try {
      return Files.createTempFile(spoolDir, ".etcd-snapshot-", ".db.part");
    } catch (IOException e) {
      throw new WardenException("cannot create a spool file in " + spoolDir
          + " (set --spool-dir to a writable directory with room for the database): " + e, e);
    }
  }

  private static void deleteQuietly(Path file, Exception failure) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
