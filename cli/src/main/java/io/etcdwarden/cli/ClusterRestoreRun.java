package io.etcdwarden.cli;

import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.restore.ClusterRebuild;
import io.etcdwarden.restore.ClusterRebuildPlan;
import io.etcdwarden.restore.ClusterRebuildPreflight;
import io.etcdwarden.restore.RebuildResult;
import io.etcdwarden.restore.RestoreRequest;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * The {@code restore --cluster} part of {@link RestoreCommand}: prints the rebuild plan, asks
 * (unless {@code --yes}), carries it out and prints what was proved.
 */
final class ClusterRestoreRun {
  private final PrintWriter out;
  private final Console console;

  ClusterRestoreRun(PrintWriter out, Console console) {
    this.out = out;
    this.console = console;
  }

  int run(RestoreRequest request, Duration health, boolean dryRun, boolean yes) {
    ClusterRebuildPlan plan = new ClusterRebuildPreflight(Clock.systemUTC(),
        FreeSpace.ofFileSystem()).prepare(request);
    out.print(plan.render());
    out.flush();
    if (dryRun) {
      plan.discard();
      out.println("dry run: nothing was changed");
      return 0;
    }
    if (!yes && !RestoreCommand.confirmed(console, out)) {
      plan.discard();
      return FailureHandler.FAILED;
    }
    RebuildResult result = new ClusterRebuild(health).execute(plan, line -> {
      out.println(line);
      out.flush();
    });
    out.println("rebuilt: member " + result.member() + " is in cluster "
        + Long.toHexString(result.clusterId()) + " of " + result.members() + " members, at"
        + " revision " + result.revision());
    out.println("verified: a quorum is healthy; same cluster ID and revision >= the manifest's"
        + " on " + String.join(", ", result.checked()));
    if (!result.notStarted().isEmpty()) {
      out.println("waiting: " + String.join(", ", result.notStarted()) + " not started yet: run"
          + " restore --cluster there with the same archive");
    }
    out.flush();
    return 0;
  }
}
