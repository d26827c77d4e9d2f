package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time restore on a real TLS etcd with a volume store: three archives around a
 * destructive write (the delete of a prefix), the one before it without a verification mark
 * (as the daemon's are), so it is verified when chosen. {@code --at-revision} and {@code --before} each
 * pick the archive before the delete, say so in one line, and the restored member serves the
 * deleted keys again (read through etcd's API) while keeping what was written before that
 * archive (and {@code snapshots drill --at-revision} drills that same archive); a point older
 * than every archive is refused in one line with the member untouched.
 */
class PointInTimeRestoreIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  private static final int KEYS = 40;
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;

  @Test
  void beforeAndAtRevisionRestoreTheArchiveBeforeTheDestructiveWrite() throws Exception {
    for (int i = 0; i < KEYS; i++) {
      put("/app/k" + i, "v" + i);
    }
    put("/canary", "before"); // what RestoreFaultsIT.Before reads
    String first = snapshot("--verify");
    put("/between", "kept");
    String second = snapshot(); // no mark: verified when it is chosen, as the daemon's are
    long revisionBeforeDelete = revision();
    Instant beforeDelete = Instant.now();
    deleteAppPrefix();
    String third = snapshot("--verify");
    assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
    assertThat(count("/app/")).isZero();
    CliRun drill = CliRun.run(ENV, "snapshots", "drill", "--store", "file://" + store,
        "--allow-non-mount", "--at-revision", Long.toString(revisionBeforeDelete));
    assertThat(drill.exitCode()).as(drill.toString()).isZero();
    assertThat(drill.out().lines()).hasSize(2).first().asString()
        .startsWith("chose " + second + " (created ");
    assertThat(drill.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("PASS file://" + store + "/" + second);

    CliRun atRevision = restore("--at-revision", Long.toString(revisionBeforeDelete));

    assertRestored(atRevision, second,
        "the newest verified archive at or below revision " + revisionBeforeDelete);

    deleteAppPrefix();
    CliRun before = restore("--before", beforeDelete.toString());

    assertRestored(before, second,
        "the newest verified archive created at or before " + beforeDelete);

    RestoreFaultsIT.Before unchanged = RestoreFaultsIT.Before.of(etcd);
    CliRun tooOld = restore("--before", "2001-01-01T00:00:00Z");

    assertThat(tooOld.exitCode()).as(tooOld.toString()).isEqualTo(1);
    assertThat(tooOld.err().lines()).singleElement().asString()
        .startsWith("etcd-warden: no verified archive created at or before 2001-01-01T00:00:00Z")
        .contains("the oldest archive is " + first, "nothing was changed");
    unchanged.assertUnchanged();
  }

  /**
   * The restore succeeded, its first line says it chose {@code archive} and {@code why}, and the
   * member serves the deleted keys again beside what was written before that archive.
   */
  private static void assertRestored(CliRun run, String archive, String why) throws Exception {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow())
        .startsWith("chose " + archive + " (created ").contains(why);
    assertThat(count("/app/")).isEqualTo(KEYS);
    assertThat(get("/between")).isEqualTo("kept");
  }

  private CliRun restore(String... point) {
    List<String> args = new ArrayList<>(List.of("restore", "--yes", "--from", "latest",
        "--store", "file://" + store, "--allow-non-mount", "--skip-backup", "--data-dir",
        etcd.member(0).dir().toString()));
    args.addAll(List.of(point));
    return CliRun.run(ENV, args.toArray(String[]::new));
  }

  /**
   * Takes an archive ({@code --verify}: verified and marked); a run in the same second as the previous one is refused (archive
   * names have whole seconds) and changes nothing, so it is repeated until the name is free.
   */
  private String snapshot(String... verify) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<String> args = new ArrayList<>(List.of("snapshot", "--target", "file://" + store,
          "--allow-non-mount"));
      args.addAll(List.of(verify));
      CliRun run = CliRun.run(etcd.etcdctlEnvironment(), args.toArray(String[]::new));
      if (run.exitCode() == 0) {
        return Path.of(RestoreMigrationIT.field(run.out(), "snapshot.path")).getFileName()
            .toString();
      }
      assertThat(System.nanoTime()).as(run.toString()).isLessThan(deadline);
    }
  }

  private static void put(String key, String value) throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      PatientPut.put(clients.cluster().getKVClient(), key, value);
    }
  }

  private static void deleteAppPrefix() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      clients.cluster().getKVClient().delete(bytes("/app/"), DeleteOption.builder()
          .isPrefix(true).build()).get(30, TimeUnit.SECONDS);
    }
  }

  private static long count(String prefix) throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      return clients.cluster().getKVClient().get(bytes(prefix), GetOption.builder()
          .isPrefix(true).withCountOnly(true).build()).get(30, TimeUnit.SECONDS).getCount();
    }
  }

  private static String get(String key) throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      KV kv = clients.cluster().getKVClient();
      var got = kv.get(bytes(key)).get(30, TimeUnit.SECONDS);
      return got.getKvs().isEmpty() ? null
          : got.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8);
    }
  }

  private static long revision() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      return clients.cluster().getKVClient().get(bytes("/canary")).get(30, TimeUnit.SECONDS)
          .getHeader().getRevision();
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
