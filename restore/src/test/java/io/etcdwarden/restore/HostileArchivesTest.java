package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.backup.SnapshotVerifier;
import io.etcdwarden.backup.Verification;
import io.etcdwarden.storage.SnapshotStores;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Archives that are not exactly what we write (or the charm's ./db) are refused, each with one
 * line, by restore's stager and by verify alike, from the entry's header on: nothing is ever
 * written outside the staging folder, and the staging folder is left empty.
 */
class HostileArchivesTest {
  private static final String ABSOLUTE = "/tmp/etcd-warden-hostile-" + UUID.randomUUID();
  @TempDir Path dir;

  record Case(String label, byte[] archive, String stagerSays) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Case> hostile() throws Exception {
    byte[] db = TestTars.dbWithEtcdHash("etcd data".repeat(500).getBytes());
    byte[] manifest = ArchiveStagerTest.manifest(db, 3);
    byte[] tinyDb = TestTars.dbWithEtcdHash(new byte[64]);
    return Stream.of(
        new Case("dot-dot", ours(db, manifest).file("../escaped", db).finish(), "(..)"),
        new Case("dot-slash-dot-dot", ours(db, manifest).file("./../escaped", db).finish(),
            "(..)"),
        new Case("absolute", ours(db, manifest).file(ABSOLUTE, db).finish(), "absolute path"),
        new Case("symlink db", HostileTars.gzip().file("manifest.json", manifest)
            .special("db", TarConstants.LF_SYMLINK, "/etc/passwd").finish(), "symbolic link"),
        new Case("hard link db", HostileTars.gzip().file("manifest.json", manifest)
            .special("db", TarConstants.LF_LINK, "/etc/shadow").finish(), "hard link"),
        new Case("device", HostileTars.gzip().special("db", TarConstants.LF_CHR, "")
            .file("manifest.json", manifest).finish(), "device file"),
        new Case("fifo", HostileTars.gzip().special("db", TarConstants.LF_FIFO, "")
            .file("manifest.json", manifest).finish(), "named pipe"),
        new Case("directory", HostileTars.gzip().special("member/", TarConstants.LF_DIR, "")
            .file("db", db).file("manifest.json", manifest).finish(), "directory"),
        new Case("duplicate db", ours(db, manifest).file("db", tinyDb).finish(),
            "two entries named"),
        new Case("duplicate as ./db", ours(db, manifest).file("./db", db).finish(),
            "two entries named"),
        new Case("unknown entry", ours(db, manifest).file("notes.txt", new byte[3]).finish(),
            "unexpected entry"),
        new Case("db without manifest", HostileTars.gzip().file("db", db).finish(),
            "without manifest.json"),
        new Case("manifest beside charm db", HostileTars.gzip().file("./db", db)
            .file("manifest.json", manifest).finish(), "charm"),
        new Case("manifest size lies", HostileTars.gzip().file("manifest.json", manifest)
            .file("db", tinyDb).finish(), "the manifest says"),
        new Case("huge manifest header", HostileTars.gzip()
            .claiming("manifest.json", 10L << 30, new byte[4096]).cut(), "more than the"),
        new Case("2 MiB manifest", HostileTars.gzip().file("db", db)
            .file("manifest.json", new byte[2 << 20]).finish(), "more than the"),
        new Case("db bigger than the disk", HostileTars.gzip()
            .claiming("db", 1L << 50, new byte[4096]).cut(), "bytes free"),
        new Case("data after the tar", ours(db, manifest).finish(
            "hidden entry".getBytes(StandardCharsets.UTF_8)), "after the end"),
        new Case("xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1, 2, 3}, "xz"));
  }

  private static HostileTars ours(byte[] db, byte[] manifest) throws Exception {
    return HostileTars.gzip().file("db", db).file("manifest.json", manifest);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void isRefusedInOneLineByRestoreAndVerifyAndNothingIsWrittenOutside(Case c) throws Exception {
    Path work = Files.createDirectories(dir.resolve("work/member"));
    Path staging = Files.createDirectories(work.resolve("staging"));

    assertThatThrownBy(() -> ArchiveStager.stage("a.tar.gz", new ByteArrayInputStream(
        c.archive()), Optional.empty(), "test", staging.resolve("staged.db")))
        .hasMessageContaining("a.tar.gz: refused: ")
        .hasMessageContaining(c.stagerSays())
        .hasMessageEndingWith("; nothing was changed")
        .hasMessageNotContaining("\n");

    Path store = Files.createDirectories(dir.resolve("store"));
    String name = "etcd-snapshot-2026-01-01-00.00.00.tar.gz";
    Files.write(store.resolve(name), c.archive());
    Files.writeString(store.resolve(name + ".sha256"), TestTars.sha256(c.archive()) + "  "
        + name + "\n");
    Verification verified = SnapshotVerifier.verify(SnapshotStores.open(URI.create("file://"
        + store + "?allow-non-mount=true")), name);
    assertThat(verified.ok()).isFalse();
    assertThat(verified.problems()).singleElement().asString()
        .matches("(refused: |unreadable archive: ).*").doesNotContain("\n");

    assertThat(staging).isEmptyDirectory();
    try (Stream<Path> all = Files.walk(dir.resolve("work"))) {
      assertThat(all.map(p -> dir.relativize(p).toString()).toList())
          .containsExactlyInAnyOrder("work", "work/member", "work/member/staging");
    }
    assertThat(Path.of(ABSOLUTE)).doesNotExist();
    assertThat(List.of(dir.resolve("escaped"), dir.resolve("work/escaped"))).noneMatch(Files::exists);
  }
}
