package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.install.StartupWait;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import io.etcdwarden.installer.service.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Carries out a {@link RestorePlan} on a one-member cluster: restores the staged db into a new
 * directory while the member still runs (so the member is down only for the swap), stops it
 * through the installer's {@link ServiceManager}, backs up the old data dir, swaps the
 * directories by rename (keeping the old one), starts the member, waits for health and proves
 * the result: a new cluster ID and the archive's revision and key count. Any failure after the
 * stop puts the old data dir back and restarts the member on it, and the error says so.
 */
public final class SingleMemberRestore {
  private final BiConsumer<List<String>, Path> restoreStep;
  private final Duration healthTimeout;

  /**
   * {@code restoreStep} runs the restore tool's command into a directory that does not exist
   * yet and, when it fails, removes what it wrote there ({@link RestoreTool#run} does); a seam
   * for faults.
   */
  public SingleMemberRestore(BiConsumer<List<String>, Path> restoreStep, Duration healthTimeout) {
    this.restoreStep = restoreStep;
    this.healthTimeout = healthTimeout;
  }

  /** With the real restore tool. */
  public SingleMemberRestore(Duration healthTimeout) {
    this(RestoreTool::run, healthTimeout);
  }

  /** Carries out {@code plan}; the member's restore lock is released when it ends, either way. */
  public RestoreResult execute(RestorePlan plan, Consumer<String> progress) {
    return execute(plan, progress, () -> { });
  }

  /**
   * As {@link #execute(RestorePlan, Consumer)}, calling {@code healthy} the moment the restored
   * member answers healthy, before its contents are verified (a drill's recovery time).
   */
  public RestoreResult execute(RestorePlan plan, Consumer<String> progress, Runnable healthy) {
    try {
      return carryOut(plan, progress, healthy);
    } finally {
      plan.lock().close();
    }
  }

  private RestoreResult carryOut(RestorePlan plan, Consumer<String> progress,
      Runnable healthy) {
    MemberOnHost member = plan.member();
    ServiceManager services = ServiceManagers.forMode(member.serviceMode());
    ServiceSpec spec = member.serviceSpec();
    // Only what this run made is ever removed: a path that appeared since the plan is left
    // alone, and a failed restore step has removed what it wrote itself (RestoreTool.run).
    try {
      for (Path path : List.of(plan.keptDir(), plan.restoredDir())) {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
          throw new WardenException(path + " appeared after the plan was made and is not"
              + " replaced");
        }
      }
      progress.accept("1. restoring into " + plan.restoredDir());
      restoreStep.accept(plan.restoreCommand(), plan.restoredDir());
    } catch (RuntimeException e) {
      throw new WardenException(e.getMessage() + "; the member was not stopped, nothing was"
          + " changed", e);
    } finally {
      plan.dropStagedDb();
    }
    Swap swap = new Swap();
    try {
      progress.accept("2. stopping member " + member.name());
      services.remove(spec);
      Optional<DataDirBackup.Written> backup = plan.backupFile().map(file -> {
        progress.accept("3. backing up " + member.dataDir() + " to " + file);
        return DataDirBackup.write(member.dataDir(), file);
      });
      progress.accept("4. swapping " + plan.restoredDir() + " in");
      move(member.dataDir(), plan.keptDir());
      swap.oldDataKept = true;
      move(plan.restoredDir(), member.dataDir());
      swap.restoredInPlace = true;
      progress.accept("5. starting member " + member.name());
      services.start(spec);
      new StartupWait(() -> services.isRunning(spec), member.logFile())
          .awaitHealthy(member.metricsUrl(), healthTimeout);
      healthy.run();
      progress.accept("6. verifying");
      return RestoreVerification.verify(plan, backup);
    } catch (RuntimeException e) {
      String rolledBack = rollBack(plan, services, spec, swap, e);
      throw new WardenException("restore failed: " + e.getMessage() + "; " + rolledBack, e);
    }
  }

  /** How far the swap got: what rollback must undo, and which paths hold this run's data. */
  private static final class Swap {
    boolean oldDataKept;
    boolean restoredInPlace;
  }

  /** Old data back in place and the member started on it; returns what to tell the operator. */
  private String rollBack(RestorePlan plan, ServiceManager services, ServiceSpec spec,
      Swap swap, RuntimeException failure) {
    MemberOnHost member = plan.member();
    boolean swapped = swap.oldDataKept;
    try {
      services.remove(spec);
      if (swap.restoredInPlace) {
        Path failed = RestoreNames.failed(plan.restoredDir());
        boolean parked = Files.exists(member.dataDir(), LinkOption.NOFOLLOW_LINKS);
        if (parked) {
          move(member.dataDir(), failed);
        }
        move(plan.keptDir(), member.dataDir());
        if (parked) {
          Trees.deleteQuietly(failed);
        }
      } else {
        if (swap.oldDataKept) {
          move(plan.keptDir(), member.dataDir());
        }
        Trees.deleteQuietly(plan.restoredDir());
      }
      services.start(spec);
      new StartupWait(() -> services.isRunning(spec), member.logFile())
          .awaitHealthy(member.metricsUrl(), healthTimeout);
      return "rolled back: member " + member.name() + " runs on its old data in "
          + member.dataDir() + " again";
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      return "ROLLBACK FAILED too (" + e.getMessage() + "): the old data is in "
          + (swapped && !Files.exists(member.dataDir()) ? plan.keptDir() : member.dataDir())
          + "; start the member by hand";
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new WardenException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
