package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshots verify}, {@code restore --dry-run} and {@code snapshots drill} agree on what
 * an archive is: the charm's ./db layout and an archive whose compression is not what its name
 * says pass all three; an archive with an entry pointing outside, or a symlinked db, is refused
 * by all three in one line, and nothing is written beside the member or outside the store.
 */
@Tag("etcd-versions")
class ArchiveAgreementIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;
  @TempDir Path work;
  @TempDir Path scratch;

  @Test
  void verifyRestoreAndDrillAcceptAndRefuseTheSameArchives() throws Exception {
    CliRun zstd = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target", "file://"
        + work, "--allow-non-mount", "--compression", "zstd");
    assertThat(zstd.exitCode()).as(zstd.toString()).isZero();
    Path taken = Path.of(RestoreMigrationIT.field(zstd.out(), "snapshot.path"));
    byte[] db = savedDb();

    publish("etcd-snapshot-2026-01-01-00.00.01.tar.gz", Files.readAllBytes(taken));
    publish("etcd-snapshot-2026-01-01-00.00.02.tar.gz", tarGz(List.of(file("./db", db))));
    publish("etcd-snapshot-2026-01-01-00.00.03.tar.gz", tarGz(List.of(file("db", db),
        file("../escaped", db))));
    TarArchiveEntry link = new TarArchiveEntry("./db", TarConstants.LF_SYMLINK);
    link.setLinkName("/etc/passwd");
    publish("etcd-snapshot-2026-01-01-00.00.04.tar.gz", tarGz(List.of(new Entry(link,
        new byte[0]))));
    List<String> memberBefore = memberFolder();

    CliRun verify = CliRun.run(ENV, "snapshots", "verify", "--target", "file://" + store,
        "--allow-non-mount", "etcd-snapshot-2026-01-01-00.00.01.tar.gz",
        "etcd-snapshot-2026-01-01-00.00.02.tar.gz", "etcd-snapshot-2026-01-01-00.00.03.tar.gz",
        "etcd-snapshot-2026-01-01-00.00.04.tar.gz");

    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
    assertThat(verify.out().lines().findFirst().orElseThrow()).matches("OK     "
        + "etcd-snapshot-2026-01-01-00.00.01.tar.gz \\(revision \\d+, db \\d+ bytes, etcd hash"
        + " valid\\)");
    assertThat(verify.out().lines().skip(1)).containsExactly(
        "OK     etcd-snapshot-2026-01-01-00.00.02.tar.gz (charm archive without manifest, db "
            + db.length + " bytes, etcd hash valid)",
        "FAILED etcd-snapshot-2026-01-01-00.00.03.tar.gz: refused: entry '../escaped' points"
            + " outside the archive (..)",
        "FAILED etcd-snapshot-2026-01-01-00.00.04.tar.gz: refused: entry './db' is a symbolic"
            + " link to '/etc/passwd'; an archive holds only regular files",
        "2 of 4 archives sound");
    for (int n = 1; n <= 4; n++) {
      Path archive = store.resolve("etcd-snapshot-2026-01-01-00.00.0" + n + ".tar.gz");
      CliRun dry = CliRun.run(ENV, "restore", "--dry-run", "--from", archive.toString(),
          "--data-dir", etcd.member(0).dir().toString());
      CliRun drill = CliRun.run(ENV, "snapshots", "drill", "--from", archive.toString(),
          "--scratch-dir", scratch.toString());
      boolean sound = n <= 2;

      assertThat(dry.exitCode()).as(dry.toString()).isEqualTo(sound ? 0 : 1);
      assertThat(drill.exitCode()).as(drill.toString()).isEqualTo(sound ? 0 : 1);
      if (sound) {
        assertThat(dry.out()).contains("dry run: nothing was changed");
        assertThat(drill.out()).startsWith("PASS ");
      } else {
        assertThat(dry.err().lines()).singleElement().asString()
            .contains(archive + ": refused: entry ", "; nothing was changed");
        assertThat(drill.out().lines()).singleElement().asString()
            .startsWith("FAIL ").contains(": refused: entry ");
      }
    }
    assertThat(memberFolder()).isEqualTo(memberBefore);
    assertThat(scratch).isEmptyDirectory();
    assertThat(store.resolveSibling("escaped")).doesNotExist();
  }

  private byte[] savedDb() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("etcdctl", "snapshot", "save",
        work.resolve("db").toString()).redirectErrorStream(true)
        .redirectOutput(work.resolve("save.log").toFile());
    builder.environment().putAll(etcd.etcdctlEnvironment());
    builder.environment().remove("ETCDCTL_API");
    assertThat(builder.start().waitFor()).as(Files.readString(work.resolve("save.log")))
        .isZero();
    return Files.readAllBytes(work.resolve("db"));
  }

  private void publish(String name, byte[] archive) throws Exception {
    Files.write(store.resolve(name), archive);
    Files.writeString(store.resolve(name + ".sha256"), HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(archive)) + "  " + name + "\n");
  }

  private record Entry(TarArchiveEntry header, byte[] data) {}

  private static Entry file(String name, byte[] data) {
    TarArchiveEntry header = new TarArchiveEntry(name, true);
    header.setSize(data.length);
    return new Entry(header, data);
  }

  private static byte[] tarGz(List<Entry> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (Entry e : entries) {
        tar.putArchiveEntry(e.header());
        tar.write(e.data());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static List<String> memberFolder() throws Exception {
    Path parent = etcd.member(0).dir().getParent();
    try (Stream<Path> all = Files.walk(parent, 2)) {
      return all.map(Path::toString).filter(p -> !p.endsWith(".log")
          && !p.endsWith("/restore.lock")).sorted().toList();
    }
  }
}
