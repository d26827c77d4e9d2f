package io.etcdwarden.backup;

import io.etcd.jetcd.api.StatusResponse;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.storage.PublishedSnapshot;
import io.etcdwarden.storage.SnapshotStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one snapshot archive in a single pass: picks the member ({@link SourceFinder}: the
 * leader, or a named member that sees a leader), and streams its snapshot through tar, the
 * compressor and the store, which hashes the archive on the fly and publishes it atomically.
 * Nothing touches local disk and memory stays constant whatever the database size: the tar
 * header of {@code db} is written from the size etcd announces in its first message, and {@code
 * manifest.json} follows the database ({@link DbCopier}). A stream that fails, stalls for the
 * idle timeout or deviates from what etcd announced publishes nothing. With recipients
 * ({@link #withEncryption}) the compressed stream is age-encrypted before it reaches the store.
 */
public final class SnapshotArchiver {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotArchiver.class);
  /** A stream that sends nothing for this long is abandoned (the default). */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final EtcdClients clients;
  private final EtcdTarget target;
  private final Clock clock;
  private final String toolVersion;
  private final Duration idleTimeout;
  private final Optional<AgeRecipients> encryptTo;

  /**
   * {@code spoolDir} is no longer used (snapshots stream in one pass without spooling); it is
   * kept so that callers written for the spooling archiver still compile.
   */
  public SnapshotArchiver(EtcdClients clients, EtcdTarget target, Clock clock, Path spoolDir,
      String toolVersion) {
    this(clients, target, clock, toolVersion, IDLE_TIMEOUT, Optional.empty());
  }

  private SnapshotArchiver(EtcdClients clients, EtcdTarget target, Clock clock,
      String toolVersion, Duration idleTimeout, Optional<AgeRecipients> encryptTo) {
    this.clients = clients;
    this.target = target;
    this.clock = clock;
    this.toolVersion = toolVersion;
    this.idleTimeout = idleTimeout;
    this.encryptTo = encryptTo;
  }

  /**
   * The same archiver encrypting every archive to {@code recipients} with age (named
   * {@code ...tar.gz.age}); empty: archives in the clear.
   */
  public SnapshotArchiver withEncryption(Optional<AgeRecipients> recipients) {
    return new SnapshotArchiver(clients, target, clock, toolVersion, idleTimeout,
        Objects.requireNonNull(recipients));
  }

  /** The same archiver abandoning a stream after {@code idle} without data. */
  public SnapshotArchiver withIdleTimeout(Duration idle) {
    if (Objects.requireNonNull(idle).isNegative() || idle.isZero()) {
      throw WardenException.badInput("the idle timeout must be positive, got " + idle);
    }
    return new SnapshotArchiver(clients, target, clock, toolVersion, idle, encryptTo);
  }

  /**
   * Lets a command that is about to snapshot start one-time set-up on a thread of its own while
   * it reads its configuration: the TLS library ({@link MemberChannel#prepareTls()}), then the
   * manifest's JSON writer, which would otherwise be set up after the last byte. Class
   * initialisation happens once; whoever gets there second waits for it, nothing runs twice.
   */
  public static void prepare() {
    Thread thread = new Thread(() -> {
      try {
        MemberChannel.prepareTls();
        SnapshotManifest.prepareJson();
      } catch (RuntimeException | LinkageError e) {
        // The snapshot meets the same problem where it matters and reports it there.
        LOG.debug("snapshot set-up ahead of time failed", e);
      }
    }, "snapshot-prepare");
    thread.setDaemon(true);
    thread.start();
  }

  /** Archives a snapshot of {@code member} (empty: the leader) into {@code store}. */
  public ArchivedSnapshot archive(SnapshotStore store, Optional<String> member,
      Compression compression, SnapshotProgress progress) {
    try (SnapshotSource source = new SourceFinder(clients, target, clock).find(member)) {
      Instant createdAt = clock.instant();
      String name = ArchiveName.of(createdAt, compression, encryptTo.isPresent());
      AtomicReference<SnapshotManifest> manifest = new AtomicReference<>();
      long revision = source.status().getHeader().getRevision();
      // Counted beside the stream (same connection): it costs the snapshot no time.
      CompletableFuture<Long> keyCount =
          CompletableFuture.supplyAsync(() -> source.channel().keyCount(revision));
      PublishedSnapshot published = ArchivePipe.connect(out -> {
        try (SnapshotStream stream = SnapshotStream.start(source.channel().channel())) {
          ArchiveWriter archive = ArchiveWriter.open(out, compression, createdAt,
              encryptTo);
          MemberChannel channel = source.channel();
          DbCopier.CopiedDb db = new DbCopier(stream, idleTimeout,
              source.name() + " (" + channel.url() + ")",
              e -> channel.explain(e).getMessage(), progress).copyInto(archive);
          manifest.set(manifest(source, db, createdAt, joined(keyCount)));
          archive.writeManifest(manifest.get());
          archive.finish();
        }
      }, in -> store.put(name, in));
      return new ArchivedSnapshot(published, manifest.get());
    }
  }

  private static long joined(CompletableFuture<Long> keyCount) {
    try {
      return keyCount.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private SnapshotManifest manifest(SnapshotSource source, DbCopier.CopiedDb db,
      Instant createdAt, long keyCount) {
    StatusResponse status = source.status();
    return new SnapshotManifest(SnapshotManifest.FORMAT_VERSION, createdAt.toString(),
        status.getVersion(), source.clusterId(), source.memberId(), source.name(),
        status.getHeader().getRevision(), status.getRaftTerm(), status.getRaftIndex(),
        db.sizeBytes(), db.sha256(), source.manifestMembers(), toolVersion, keyCount);
  }
}
