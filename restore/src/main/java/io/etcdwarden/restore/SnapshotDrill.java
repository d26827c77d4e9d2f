package io.etcdwarden.restore;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.installer.local.LocalCluster;
import io.etcdwarden.installer.process.EtcdBinary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A restore drill: proof that an archive restores. A scratch one-member TLS etcd is installed on
 * free loopback ports in a temporary folder (the installer's {@link LocalCluster}), the archive
 * is restored into it through the very preflight and restore an operator would run, and the
 * result is compared with the manifest: the same revision, and the same key count where the
 * archive records one. The scratch member and folder are always removed.
 */
public final class SnapshotDrill {
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);

  /**
   * The drill's outcome; {@code problem} is empty when it passed. The recovery times run from
   * the drill's start: {@code rtoHealthy} to the restored member answering healthy, {@code rto}
   * to its revision and keys verified against the manifest (empty when it did not get there).
   */
  public record Outcome(String archive, long expectedRevision, long revision, long keys,
      String checks, Optional<String> problem, Duration took, Optional<Duration> rtoHealthy,
      Optional<Duration> rto) {
    public boolean passed() {
      return problem.isEmpty();
    }
  }

  private final Map<String, String> env;
  private final Path scratchParent;

  /** Scratch folders go under {@code scratchParent} (needs room for one restored db). */
  public SnapshotDrill(Map<String, String> env, Path scratchParent) {
    this.env = Map.copyOf(env);
    this.scratchParent = scratchParent;
  }

  /**
   * Drills {@code from} (an archive, a store URI naming one, or {@code latest} of {@code store});
   * {@code allowOlderEtcd} as restore's {@code --allow-older-etcd}.
   */
  public Outcome run(String from, Optional<String> store, boolean allowNonMount,
      boolean allowOlderEtcd) {
    return run(from, store, allowNonMount, allowOlderEtcd, Optional.empty());
  }

  /** As above, opening an age-encrypted archive with {@code identity}. */
  public Outcome run(String from, Optional<String> store, boolean allowNonMount,
      boolean allowOlderEtcd, Optional<AgeIdentity> identity) {
    long start = System.nanoTime();
    long[] healthyAt = {0};
    Path scratch = DrillScratch.create(scratchParent);
    LocalCluster cluster = null;
    try {
      cluster = LocalCluster.create(scratch.resolve("etcd"), 1, EtcdBinary.locate(env));
      RestoreRequest request = RestoreRequest.builder(from, env).store(store)
          .memberDir(Optional.of(cluster.members().get(0).dir())).skipBackup(true)
          .allowNonMount(allowNonMount).healthTimeout(HEALTH_TIMEOUT)
          .allowOlderEtcd(allowOlderEtcd).identity(identity).build();
      RestorePlan plan = new RestorePreflight(Clock.systemUTC(), FreeSpace.ofFileSystem())
          .prepare(request);
      RestoreResult result = new SingleMemberRestore(HEALTH_TIMEOUT).execute(plan, line -> { },
          () -> healthyAt[0] = System.nanoTime());
      long expected = plan.archive().manifest().map(m -> m.revision()).orElse(result.revision());
      Optional<String> problem = Optional.empty();
      ClusterProbe.Contents now = ClusterProbe.contents(plan.member().target(
          Duration.ofSeconds(10)), 0);
      // The manifest's revision is the member's as streaming began; writes that landed before
      // etcd cut the snapshot can put the db a little past it, never before it.
      if (now.revision() < expected) {
        problem = Optional.of("restored revision " + now.revision() + ", the manifest says "
            + expected);
      }
      Duration verified = Duration.ofNanos(System.nanoTime() - start);
      return new Outcome(plan.archive().name(), expected, now.revision(), result.keys(),
          result.checks(), problem, verified, Optional.of(Duration.ofNanos(healthyAt[0] - start)),
          problem.isEmpty() ? Optional.of(verified) : Optional.empty());
    } catch (WardenException e) {
      return new Outcome(from, 0, 0, 0, "", Optional.of(e.getMessage()),
          Duration.ofNanos(System.nanoTime() - start), healthyAt[0] == 0 ? Optional.empty()
          : Optional.of(Duration.ofNanos(healthyAt[0] - start)), Optional.empty());
    } finally {
      if (cluster != null) {
        cluster.stopAll();
      }
      DrillScratch.delete(scratch);
    }
  }
}
