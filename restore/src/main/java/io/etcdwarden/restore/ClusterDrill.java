package io.etcdwarden.restore;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.installer.config.AutoCompaction;
import io.etcdwarden.installer.config.ClusterState;
import io.etcdwarden.installer.install.InstallRequest;
import io.etcdwarden.installer.install.MemberInstaller;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.local.FreePorts;
import io.etcdwarden.installer.process.EtcdBinary;
import io.etcdwarden.installer.service.ServiceManagers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A rebuild drill ({@code snapshots drill --members N}): N scratch members are installed without
 * starting on free loopback ports in a temporary folder, then each is rebuilt from the archive
 * by the very preflight and {@link ClusterRebuild} an operator's {@code restore --cluster} runs,
 * all at once as on separate hosts. It passes when every member reports one cluster ID, a
 * revision at least the manifest's and, where the archive records one, its key count. The
 * scratch members and folder are always removed.
 */
public final class ClusterDrill {
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
  private static final String LOOPBACK = "127.0.0.1";

  private final Map<String, String> env;
  private final Path scratchParent;
  private final int size;

  /** {@code size} members (2 to 7), with scratch folders under {@code scratchParent}. */
  public ClusterDrill(Map<String, String> env, Path scratchParent, int size) {
    if (size < 2 || size > 7) {
      throw WardenException.badInput("--members must be between 1 and 7, got " + size);
    }
    this.env = Map.copyOf(env);
    this.scratchParent = scratchParent;
    this.size = size;
  }

  /** Drills {@code from} as {@link SnapshotDrill#run} does, on a rebuilt cluster. */
  public SnapshotDrill.Outcome run(String from, Optional<String> store, boolean allowNonMount,
      boolean allowOlderEtcd, Optional<AgeIdentity> identity) {
    long start = System.nanoTime();
    Path scratch = DrillScratch.create(scratchParent);
    Path etcd = EtcdBinary.locate(env);
    List<MemberLayout> layouts = new ArrayList<>();
    ExecutorService hosts = Executors.newFixedThreadPool(size);
    try {
      install(scratch, etcd, layouts);
      List<ClusterRebuildPlan> plans = new ArrayList<>();
      try {
        for (MemberLayout layout : layouts) {
          plans.add(new ClusterRebuildPreflight(Clock.systemUTC(), FreeSpace.ofFileSystem())
              .prepare(RestoreRequest.builder(from, env).store(store)
                  .memberDir(Optional.of(layout.dir()))
                  .allowNonMount(allowNonMount).healthTimeout(HEALTH_TIMEOUT)
                  .allowOlderEtcd(allowOlderEtcd).identity(identity).build()));
        }
      } catch (RuntimeException e) {
        plans.forEach(ClusterRebuildPlan::discard);
        throw e;
      }
      List<CompletableFuture<RebuildResult>> runs = plans.stream().map(plan ->
          CompletableFuture.supplyAsync(() -> new ClusterRebuild(HEALTH_TIMEOUT)
              .execute(plan, line -> { }), hosts)).toList();
      List<RebuildResult> results = new ArrayList<>();
      for (CompletableFuture<RebuildResult> run : runs) {
        results.add(join(run));
      }
      // Every member's restore --cluster has returned: a quorum was healthy for each of them.
      Duration healthy = Duration.ofNanos(System.nanoTime() - start);
      return verify(plans.get(0), results, start, healthy);
    } catch (WardenException e) {
      return new SnapshotDrill.Outcome(from, 0, 0, 0, "", Optional.of(e.getMessage()),
          Duration.ofNanos(System.nanoTime() - start), Optional.empty(), Optional.empty());
    } finally {
      hosts.shutdownNow();
      for (int i = 0; i < layouts.size(); i++) {
        ServiceManagers.forMode("process").remove(layouts.get(i).serviceSpec(name(i), etcd));
      }
      DrillScratch.delete(scratch);
    }
  }

  private void install(Path scratch, Path etcd, List<MemberLayout> layouts) {
    List<Integer> ports = FreePorts.loopback(3 * size);
    List<String> initialCluster = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      initialCluster.add(name(i) + "=https://" + LOOPBACK + ":" + ports.get(3 * i + 1));
    }
    MemberInstaller installer = new MemberInstaller();
    for (int i = 0; i < size; i++) {
      MemberLayout layout = new MemberLayout(scratch.resolve(name(i)));
      layouts.add(layout);
      installer.installWithoutStart(new InstallRequest(name(i), layout.dir(), null, null,
          etcd.getParent(), ports.get(3 * i), ports.get(3 * i + 1), ports.get(3 * i + 2),
          LOOPBACK, false, String.join(",", initialCluster), null, ClusterState.NEW,
          scratch.resolve("ca"), "process", null, Duration.ofSeconds(60), 0, null,
          AutoCompaction.DEFAULT_RETENTION));
    }
  }

  private SnapshotDrill.Outcome verify(ClusterRebuildPlan plan, List<RebuildResult> results,
      long start, Duration healthy) {
    long expected = plan.archive().manifest().map(m -> m.revision()).orElse(0L);
    long clusterId = results.get(0).clusterId();
    long revision = 0;
    long keys = -1;
    for (RebuildResult result : results) {
      if (result.clusterId() != clusterId) {
        return failed(plan, "member " + result.member() + " is in cluster "
            + Long.toHexString(result.clusterId()) + ", member " + results.get(0).member()
            + " in " + Long.toHexString(clusterId), start);
      }
    }
    for (int i = 0; i < size; i++) {
      MemberOnHost member = MemberOnHost.fromMemberDir(scratchMember(plan, i), env);
      ClusterProbe.Contents contents = Patiently.ask(Duration.ofSeconds(60),
          () -> ClusterProbe.contents(member.target(Duration.ofSeconds(10)), expected));
      if (contents.clusterId() != clusterId) {
        return failed(plan, "member " + member.name() + " answers for cluster "
            + Long.toHexString(contents.clusterId()), start);
      }
      revision = Math.max(revision, contents.revision());
      keys = contents.keys();
    }
    if (plan.archive().keyCount().isPresent() && keys != plan.archive().keyCount().getAsLong()) {
      return failed(plan, keys + " keys at revision " + expected + ", the manifest says "
          + plan.archive().keyCount().getAsLong(), start);
    }
    String checks = size + " members rebuilt at once, all in cluster " + Long.toHexString(
        clusterId) + ", revision " + revision + " >= " + expected + ", " + keys + " keys"
        + (plan.archive().keyCount().isPresent() ? " match the manifest" : "");
    Duration verified = Duration.ofNanos(System.nanoTime() - start);
    return new SnapshotDrill.Outcome(plan.archive().name(), expected, revision, keys, checks,
        Optional.empty(), verified, Optional.of(healthy), Optional.of(verified));
  }

  private static Path scratchMember(ClusterRebuildPlan plan, int i) {
    return plan.member().configFile().getParent().resolveSibling(name(i));
  }

  private static SnapshotDrill.Outcome failed(ClusterRebuildPlan plan, String problem,
      long start) {
    return new SnapshotDrill.Outcome(plan.archive().name(), 0, 0, 0, "", Optional.of(problem),
        Duration.ofNanos(System.nanoTime() - start), Optional.empty(), Optional.empty());
  }

  private static RebuildResult join(CompletableFuture<RebuildResult> run) {
    try {
      return run.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof WardenException w ? w
          : new WardenException("rebuild failed: " + e.getCause(), e.getCause());
    }
  }

  private static String name(int i) {
    return "drill" + i;
  }
}
