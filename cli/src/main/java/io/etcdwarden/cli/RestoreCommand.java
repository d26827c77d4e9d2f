package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.plugins.options.AgeOptions;
import io.etcdwarden.plugins.options.AuthOptions;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.restore.ClusterRebuild;
import io.etcdwarden.restore.ClusterRebuildPlan;
import io.etcdwarden.restore.ClusterRebuildPreflight;
import io.etcdwarden.restore.PreparedRestore;
import io.etcdwarden.restore.RestorePlan;
import io.etcdwarden.restore.RestorePreflight;
import io.etcdwarden.restore.RestoreRequest;
import io.etcdwarden.restore.RevisionBump;
import io.etcdwarden.restore.SingleMemberRestore;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden restore}: the guided, verified restore of a one-member cluster from an
 * archive, with the plan printed first ({@code --dry-run} stops there) and confirmed on a
 * terminal unless {@code --yes}.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore this host's single etcd member from a snapshot archive.",
        "Verifies everything first, keeps the old data, rolls back on failure.",
        "Exit 0 restored and verified, 1 refused or failed (the message says which), 2 usage."})
final class RestoreCommand implements Callable<Integer> {
  @Option(names = "--from", required = true, paramLabel = "ARCHIVE|URI|latest",
      description = "A local archive, a store URI naming one (file:///dir/NAME, s3://bucket/"
          + "prefix/NAME, gs://...), or latest: the newest archive in --store that verifies.")
  String from;
  @Option(names = "--store", paramLabel = "URI",
      description = "Store for --from latest (default: backup.target in warden.yaml).")
  String store;
  @Mixin ConfigOption config;
  @Option(names = "--sha256", paramLabel = "HEX",
      description = "The archive's sha256 as you were given it (overrides its .sha256).")
  String sha256;
  @ArgGroup(exclusive = true, multiplicity = "1") MemberChoice member;
  @Option(names = "--target", paramLabel = "DIR",
      description = "Where the backup of the old data dir goes (default: etcd-backup-STAMP/"
          + " beside the data dir).")
  Path target;
  @Option(names = "--skip-backup", description = "No .tar.gz of the old data dir (it is still"
      + " kept, renamed, beside the new one).")
  boolean skipBackup;
  @Option(names = "--allow-non-mount",
      description = "Accept a file:// store that is not a mount point.")
  boolean allowNonMount;
  @Option(names = "--assume-single-member",
      description = "The member is not running (e.g. its data no longer lets it start) and you"
          + " are sure it is its cluster's only member: restore without asking etcd.")
  boolean assumeSingleMember;
  @Option(names = "--allow-older-etcd",
      description = "Restore an archive taken from a newer etcd line (e.g. 3.6) into this"
          + " member's older etcd (e.g. 3.5), which is refused otherwise.")
  boolean allowOlderEtcd;
  @Option(names = "--dry-run", description = "Check everything, print the plan, change nothing.")
  boolean dryRun;
  @Option(names = {"--yes", "-y"}, description = "Do not ask for confirmation.")
  boolean yes;
  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "120s",
      description = "How long to wait for the restored member's health (default 120s).")
  String wait;
  @Option(names = "--cluster", description = "Rebuild this host's member of a new cluster"
      + " (installed with install --no-start) for every member its config names; run it on"
      + " every host with the same archive, in any order.")
  boolean cluster;
  @picocli.CommandLine.Mixin AgeOptions keys;
  @Mixin PointInTimeOptions point;
  @Mixin RevisionBumpOptions bump;
  @Mixin AuthOptions auth;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  private final Environment env;

  /** The member to restore: the installer's member folder or etcd's config file. */
  static final class MemberChoice {
    @Option(names = "--data-dir", paramLabel = "DIR", required = true,
        description = "The member's folder as given to install --data-dir (holds etcd.yaml).")
    Path memberDir;
    @Option(names = "--etcd-config", paramLabel = "FILE", required = true,
        description = "The etcd --config-file of the member.")
    Path etcdConfig;
  }

  RestoreCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
      throw WardenException.badInput("--sha256 must be 64 hex digits, got '" + sha256 + "'");
    }
    Duration health = io.etcdwarden.core.config.Durations.parse(wait, "--wait");
    Console console = System.console();
    if (!dryRun && !yes && console == null) {
      throw new WardenException("refused: no terminal to confirm on; add --yes to restore"
          + " without asking (or --dry-run to only see the plan); nothing was changed");
    }
    Optional<String> storeUri = Optional.ofNullable(store);
    BackupSection backup = config.load().backup();
    if (storeUri.isEmpty() && from.equals("latest")) {
      storeUri = backup.target().map(URI::toString);
      if (storeUri.isEmpty()) {
        throw WardenException.badInput("--from latest needs a store: give --store URI or set"
            + " backup.target in warden.yaml");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<RevisionBump> bumped = bump.resolve();
    String chosen = point.choose(from, storeUri, allowNonMount, keys.identity(backup), out);
    RestoreRequest request = RestoreRequest.builder(chosen, env.variables()).store(storeUri)
        .sha256(Optional.ofNullable(sha256).map(String::toLowerCase))
        .memberDir(Optional.ofNullable(member.memberDir))
        .etcdConfig(Optional.ofNullable(member.etcdConfig))
        .backupDir(Optional.ofNullable(target)).skipBackup(skipBackup)
        .allowNonMount(allowNonMount).assumeSingleMember(assumeSingleMember)
        .healthTimeout(health).allowOlderEtcd(allowOlderEtcd)
        .identity(keys.identity(backup)).bump(bumped)
        .credentials(auth.resolve(env, config.load(), String.valueOf(config.config != null
            ? config.config : WardenConfig.DEFAULT_PATH))).build();
    if (cluster) { // this host's member of a cluster rebuilt from one archive
      ClusterRebuildPlan plan = new ClusterRebuildPreflight(Clock.systemUTC(),
          FreeSpace.ofFileSystem()).prepare(request);
      return carryOut(plan, console, out,
          (ready, progress) -> new ClusterRebuild(health).execute(ready, progress).lines());
    }
    RestorePlan plan = new RestorePreflight(Clock.systemUTC(), FreeSpace.ofFileSystem())
        .prepare(request);
    return carryOut(plan, console, out,
        (ready, progress) -> new SingleMemberRestore(health).execute(ready, progress).lines());
  }

  /**
   * Prints the plan and, unless the run stops there ({@link #stopBefore}), carries it out with
   * {@code execute}, each progress line printed as it comes and the result's lines at the end.
   */
  private <P extends PreparedRestore> int carryOut(P plan, Console console,
      PrintWriter out, BiFunction<P, Consumer<String>, List<String>> execute) {
    OptionalInt stop = stopBefore(plan, console, out);
    if (stop.isPresent()) {
      return stop.getAsInt();
    }
    execute.apply(plan, line -> {
      out.println(line);
      out.flush();
    }).forEach(out::println);
    out.flush();
    return 0;
  }

  /**
   * Prints the plan; the exit code when the run ends here (a dry run, or the operator did not
   * confirm), the plan then discarded; empty to go ahead.
   */
  private OptionalInt stopBefore(PreparedRestore plan, Console console, PrintWriter out) {
    out.print(plan.render());
    out.flush();
    if (dryRun) {
      plan.discard();
      out.println("dry run: nothing was changed");
      return OptionalInt.of(0);
    }
    if (!yes && !confirmed(console, out)) {
      plan.discard();
      return OptionalInt.of(FailureHandler.FAILED);
    }
    return OptionalInt.empty();
  }

  private static boolean confirmed(Console console, PrintWriter out) {
    String answer = console.readLine("Carry out this plan? Type yes: ");
    if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
      out.println("not confirmed: nothing was changed");
      return false;
    }
    return true;
  }
}
