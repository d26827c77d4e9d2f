package io.etcdwarden.cli;

import io.etcdwarden.backup.RecordedVerification;
import io.etcdwarden.backup.Verification;
import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoredSnapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden snapshots verify [NAME...]}: re-reads archives (all complete ones by
 * default) and checks sha256, manifest and etcd's embedded hash; exit 1 if any fails.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Re-read archives and check their .sha256, manifest and etcd's own hash.",
        "Exit 0 when every archive checked is sound, 1 otherwise."})
final class SnapshotsVerifyCommand implements Callable<Integer> {
  @Mixin StoreOptions store;
  @Mixin ConfigOption config;
  @Mixin AgeOptions keys;
  @Parameters(paramLabel = "NAME", arity = "0..*",
      description = "Archives to verify (default: every complete archive).")
  List<String> names;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    WardenConfig loaded = config.load();
    Optional<AgeIdentity> identity = keys.identity(loaded.backup());
    try (SnapshotStore snapshots = store.open(loaded)) {
      return verify(snapshots, identity);
    }
  }

  private int verify(SnapshotStore snapshots, Optional<AgeIdentity> identity) {
    List<String> chosen = names != null ? names
        : snapshots.list().stream().map(StoredSnapshot::name).toList();
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    for (String name : chosen) {
      Verification v = RecordedVerification.verify(snapshots, name, identity);
      if (v.ok()) {
        out.println("OK     " + name + " (" + v.summary() + ")");
      } else {
        failed++;
        out.println("FAILED " + name + ": " + String.join("; ", v.problems()));
      }
    }
    out.println(chosen.size() - failed + " of " + chosen.size() + " archives sound");
    out.flush();
    return failed == 0 ? 0 : FailureHandler.FAILED;
  }
}
