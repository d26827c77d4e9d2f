package io.etcdwarden.cli;

import io.etcdwarden.backup.AgeRecipients;
import io.etcdwarden.backup.ArchiveName;
import io.etcdwarden.backup.ArchivedSnapshot;
import io.etcdwarden.backup.Compression;
import io.etcdwarden.backup.RecordedVerification;
import io.etcdwarden.backup.SnapshotArchiver;
import io.etcdwarden.backup.SnapshotManifest;
import io.etcdwarden.backup.SnapshotProgress;
import io.etcdwarden.backup.Verification;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.client.ShortLivedProcess;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.output.Printable;
import io.etcdwarden.plugins.options.AgeOptions;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import io.etcdwarden.plugins.options.WardenVersion;
import io.etcdwarden.storage.PublishedSnapshot;
import io.etcdwarden.storage.SnapshotStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden snapshot}: one archive now, from the leader or a named member, printed
 * with the charm's result fields (snapshot.path, .sha256, .size, .version and copy.cmd).
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = {"Take one snapshot archive now and store it at --target.",
        "Exit 0 when the archive is published, 1 when it failed (nothing is left behind)."})
final class SnapshotCommand implements Callable<Integer> {
  @Mixin TargetOptions etcd;
  @Mixin StoreOptions store;
  @Mixin AgeOptions.Recipients encryptTo;
  @Mixin AgeOptions keys;
  @Option(names = "--member", paramLabel = "NAME",
      description = "Stream from this member (default: the leader). It must see a leader.")
  String member;
  @Option(names = "--compression", paramLabel = "gzip|zstd",
      description = "gzip (.tar.gz, the charm's format) or zstd (.tar.zst, many times faster);"
          + " default: backup.compression, else gzip.")
  String compression;
  @Option(names = "--spool-dir", paramLabel = "DIR", hidden = true,
      description = "No longer used; accepted with a warning so that old cron files still run.")
  Path deprecatedSpoolDir;
  @Option(names = "--idle-timeout", paramLabel = "DURATION",
      description = "Abandon the snapshot when etcd sends nothing for this long (default 30s).")
  String idleTimeout;
  @Option(names = "--verify", description = "Re-read the archive just published and check it"
      + " (as 'snapshots verify' does, which check_etcd_backup then reports as verified);"
      + " exit 1 if it fails.")
  boolean verify;
  @Mixin OutputOptions output;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  private final Environment env;

  SnapshotCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (deprecatedSpoolDir != null) {
      spec.commandLine().getErr().println("warning: --spool-dir is no longer used (snapshots"
          + " stream without spooling); re-run 'etcd-warden cron render' to drop it");
      spec.commandLine().getErr().flush();
    }
    output.format();
    ShortLivedProcess.prepareInBackground(SnapshotManifest::prepareJson);
    WardenConfig config = etcd.loadConfig();
    BackupSection backup = config.backup();
    Compression chosen = compression != null ? Compression.ofFlag(compression)
        : Compression.ofFlag(backup.compression());
    Duration idle = idleTimeout == null ? SnapshotArchiver.IDLE_TIMEOUT
        : Durations.parse(idleTimeout, "--idle-timeout");
    Optional<String> source = member != null ? Optional.of(member) : backup.member();
    Optional<AgeRecipients> recipients = encryptTo.resolve(backup);
    EtcdTarget resolved = etcd.resolve(env);
    ProgressBar bar = System.console() != null ? new ProgressBar(spec.commandLine().getErr())
        : null;
    ArchivedSnapshot archived;
    Optional<Verification> verification = Optional.empty();
    try (SnapshotStore snapshots = store.open(config);
        EtcdClients clients = new EtcdClients(resolved)) {
      archived = new SnapshotArchiver(clients, resolved, Clock.systemUTC(),
          WardenVersion.version()).withIdleTimeout(idle).withEncryption(recipients)
          .archive(snapshots, source, chosen,
              bar != null ? bar : SnapshotProgress.NONE);
      if (verify) {
        verification = Optional.of(RecordedVerification.verify(snapshots,
            archived.published().name(), keys.identity(backup)));
      }
    } finally {
      if (bar != null) {
        bar.finish();
      }
    }
    output.print(printable(archived, verification));
    if (verification.isPresent() && !verification.get().ok()) {
      throw new WardenException(archived.published().location() + " fails verification: "
          + String.join("; ", verification.get().problems()));
    }
    return 0;
  }

  private static Printable printable(ArchivedSnapshot archived,
      Optional<Verification> verification) {
    PublishedSnapshot p = archived.published();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("snapshot.path", p.location());
    fields.put("snapshot.sha256", p.sha256());
    fields.put("snapshot.size", p.sizeBytes());
    fields.put("snapshot.version", archived.manifest().etcdVersion());
    fields.put("snapshot.revision", archived.manifest().revision());
    fields.put("snapshot.member", archived.manifest().memberName());
    fields.put("copy.cmd", p.copyCommand());
    verification.ifPresent(v -> fields.put("snapshot.verified", v.ok()));
    if (ArchiveName.encrypted(p.name())) {
      fields.put("snapshot.encrypted", true);
    }
    StringBuilder text = new StringBuilder();
    fields.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
    return Printable.of(text.toString(), fields);
  }
}
