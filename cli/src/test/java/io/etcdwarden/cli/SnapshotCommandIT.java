package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdFill;
import io.etcdwarden.testkit.storage.EtcdctlSnapshot;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code snapshot} and {@code snapshots list|verify} on a 1-member TLS cluster. */
class SnapshotCommandIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;
  @TempDir Path work;

  private Map<String, String> env() {
    return etcd.etcdctlEnvironment();
  }

  private CliRun snapshot(String... extra) {
    String[] args = Stream.concat(Stream.of("snapshot", "--target", "file://" + store,
        "--allow-non-mount"), Stream.of(extra))
        .toArray(String[]::new);
    return CliRun.run(env(), args);
  }

  private static String field(String out, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (.*)$").matcher(out);
    assertThat(m.find()).as(key + " in\n" + out).isTrue();
    return m.group(1);
  }

  @Test
  @Tag("etcd-versions")
  void aSnapshotPrintsTheCharmsFieldsAndRestoresWithTheOperatorsTools() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      EtcdFill.fill(clients.cluster(), 1 << 20);
    }
    CliRun run = snapshot();

    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path archive = Path.of(field(run.out(), "snapshot.path"));
    assertThat(archive.getParent()).isEqualTo(store);
    assertThat(archive.getFileName().toString())
        .matches("etcd-snapshot-\\d{4}-\\d\\d-\\d\\d-\\d\\d\\.\\d\\d\\.\\d\\d\\.tar\\.gz");
    assertThat(Long.parseLong(field(run.out(), "snapshot.size"))).isEqualTo(Files.size(archive));
    assertThat(field(run.out(), "snapshot.version")).startsWith("3.");
    assertThat(field(run.out(), "copy.cmd")).startsWith("scp ").contains(archive.toString());
    assertThat(Shell.run(store, "sha256sum", "-c", archive.getFileName() + ".sha256"))
        .contains(": OK");
    assertThat(Shell.run(store, "sha256sum", archive.getFileName().toString()))
        .startsWith(field(run.out(), "snapshot.sha256"));
    Shell.run(work, "tar", "xzf", archive.toString());
    assertThat(EtcdctlSnapshot.status(work.resolve("db")))
        .contains("\"revision\":" + field(run.out(), "snapshot.revision"));
    EtcdctlSnapshot.restore(work.resolve("db"), work.resolve("restored"));
    try (Stream<Path> published = Files.list(store)) {
      assertThat(published).containsExactlyInAnyOrder(archive,
          store.resolve(archive.getFileName() + ".sha256"));
    }
  }

  @Test
  @Tag("etcd-versions")
  void zstdWithJsonOutputIsListedAndVerified() throws Exception {
    CliRun run = snapshot("--compression", "zstd", "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    Path archive = Path.of(json.get("snapshot.path").asText());
    assertThat(archive.toString()).endsWith(".tar.zst");
    Shell.run(work, "tar", "--zstd", "-xf", archive.toString());
    EtcdctlSnapshot.restore(work.resolve("db"), work.resolve("restored"));

    CliRun list = CliRun.run(env(), "snapshots", "list", "--long", "--target",
        "file://" + store, "--allow-non-mount");
    CliRun shortList = CliRun.run(env(), "snapshots", "list", "--target", "file://" + store,
        "--allow-non-mount");
    CliRun verify = CliRun.run(env(), "snapshots", "verify", "--target", "file://" + store,
        "--allow-non-mount");

    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).contains(archive.getFileName().toString())
        .contains(json.get("snapshot.revision").asText()).contains("etcd0");
    assertThat(shortList.out()).contains(archive.getFileName().toString())
        .doesNotContain("REVISION").doesNotContain("etcd0");
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out()).contains("OK     " + archive.getFileName())
        .contains("1 of 1 archives sound");
  }

  @Test
  void aDamagedArchiveFailsVerification() throws Exception {
    Path archive = Path.of(field(snapshot().out(), "snapshot.path"));
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.seek(file.length() / 2);
      int b = file.read();
      file.seek(file.length() / 2);
      file.write(b ^ 1);
    }

    CliRun verify = CliRun.run(env(), "snapshots", "verify", "--target", "file://" + store,
        "--allow-non-mount");

    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
    assertThat(verify.out()).contains("FAILED " + archive.getFileName())
        .contains("0 of 1 archives sound");
  }

  @Test
  void pruneDeletesAnOldArchiveAndKeepsTheNewestSoundOne() throws Exception {
    Path fresh = Path.of(field(snapshot().out(), "snapshot.path"));
    String old = "etcd-snapshot-2020-01-01-00.00.00.tar.gz";
    Files.copy(fresh, store.resolve(old));
    Files.writeString(store.resolve(old + ".sha256"), Files.readString(
        store.resolve(fresh.getFileName() + ".sha256")).replace(fresh.getFileName().toString(),
        old));

    CliRun prune = CliRun.run(env(), "snapshots", "prune", "--target", "file://" + store,
        "--allow-non-mount", "--keep-last", "1", "--hourly", "0", "--daily", "0",
        "--weekly", "0");

    assertThat(prune.exitCode()).as(prune.toString()).isZero();
    assertThat(prune.out()).contains("kept         " + fresh.getFileName())
        .contains("deleted      " + old);
    try (Stream<Path> left = Files.list(store)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          fresh.getFileName().toString(), fresh.getFileName() + ".sha256");
    }
  }

  @Test
  void operatorMistakesAreUsageErrorsNamingTheFlag() {
    CliRun noTarget = CliRun.run(env(), "snapshot");
    CliRun notMounted = CliRun.run(env(), "snapshot", "--target", "file://" + store);
    CliRun badCompression = snapshot("--compression", "xz");
    CliRun unknownMember = snapshot("--member", "etcd7");

    assertThat(noTarget.exitCode()).as(noTarget.toString()).isEqualTo(2);
    assertThat(noTarget.err()).contains("--target");
    assertThat(notMounted.exitCode()).as(notMounted.toString()).isEqualTo(2);
    assertThat(notMounted.err()).contains("not a mount point").contains("--allow-non-mount");
    assertThat(badCompression.exitCode()).isEqualTo(2);
    assertThat(badCompression.err()).contains("--compression");
    assertThat(unknownMember.exitCode()).isEqualTo(2);
    assertThat(unknownMember.err().lines()).singleElement().asString()
        .contains("--member etcd7");
    assertThat(store).isEmptyDirectory();
  }
}
