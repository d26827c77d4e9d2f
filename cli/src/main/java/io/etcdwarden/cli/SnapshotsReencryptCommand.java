package io.etcdwarden.cli;

import io.etcdwarden.backup.AgeRecipients;
import io.etcdwarden.backup.ArchiveName;
import io.etcdwarden.backup.SnapshotReencryptor;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.StoredSnapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden snapshots reencrypt --to age1...}: clear archives in a store become
 * {@code .age} archives beside them; the clear ones go only with {@code --delete-old}.
 */
@Command(name = "reencrypt", mixinStandardHelpOptions = true,
    description = {"Encrypt clear archives already stored to --to recipients, as NAME.age beside"
        + " them (streamed, checked against their .sha256, published atomically).",
        "Exit 0 when every archive was encrypted (or already was), 1 otherwise."})
final class SnapshotsReencryptCommand implements Callable<Integer> {
  @Mixin StoreOptions store;
  @Mixin ConfigOption config;
  @Option(names = "--to", required = true, paramLabel = "age1...",
      description = "Recipient to encrypt to (repeat for several).")
  List<String> to;
  @Option(names = "--delete-old", description = "Delete each clear archive once its encrypted"
      + " copy is published (default: keep it).")
  boolean deleteOld;
  @Parameters(paramLabel = "NAME", arity = "0..*",
      description = "Archives to encrypt (default: every complete clear archive).")
  List<String> names;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    AgeRecipients recipients = AgeRecipients.parse(to, "--to");
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    try (SnapshotStore snapshots = store.open(config.load())) {
      List<String> chosen = names != null ? names : snapshots.list().stream()
          .map(StoredSnapshot::name).filter(n -> !ArchiveName.encrypted(n)).toList();
      for (String name : chosen) {
        try {
          SnapshotReencryptor.Outcome done = SnapshotReencryptor.reencrypt(snapshots, name,
              recipients, deleteOld);
          out.println("ENCRYPTED " + name + " -> " + done.published().name()
              + (done.oldDeleted() ? " (clear archive deleted)" : " (clear archive kept)"));
        } catch (WardenException e) {
          failed++;
          out.println("FAILED    " + name + ": " + e.getMessage());
        }
        out.flush();
      }
      out.println(chosen.size() - failed + " of " + chosen.size() + " archives encrypted");
    }
    out.flush();
    return failed == 0 ? 0 : FailureHandler.FAILED;
  }
}
