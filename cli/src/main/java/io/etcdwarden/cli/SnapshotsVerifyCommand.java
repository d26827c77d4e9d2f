package io.etcdwarden.cli;

import io.etcdwarden.backup.RecordedVerification;
import io.etcdwarden.backup.VerificationView;
import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.plugins.options.AgeOptions;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoredSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.format();
    WardenConfig loaded = config.load();
    Optional<AgeIdentity> identity = keys.identity(loaded.backup());
    VerificationView view;
    try (SnapshotStore snapshots = store.open(loaded)) {
      List<String> chosen = names != null ? names
          : snapshots.list().stream().map(StoredSnapshot::name).toList();
      view = new VerificationView(chosen.stream()
          .map(name -> RecordedVerification.verify(snapshots, name, identity)).toList());
    }
    output.print(view);
    return view.failed() == 0 ? 0 : FailureHandler.FAILED;
  }
}
