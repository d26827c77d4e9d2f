package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-pass download-and-verify of an archive into a staging file. */
class ArchiveStagerTest {
  @TempDir Path dir;

  /** A manifest.json as the archiver writes it, by hand so new fields cannot break the test. */
  static byte[] manifest(byte[] db, long keys) throws Exception {
    String json = "{\"format_version\": 1, \"created_at\": \"2026-11-23T20:00:00Z\","
        + " \"etcd_version\": \"3.4.23\", \"cluster_id\": \"abc\", \"member_id\": \"def\","
        + " \"member_name\": \"etcd0\", \"revision\": 42, \"raft_term\": 2, \"raft_index\": 50,"
        + " \"db_size\": " + db.length + ", \"db_sha256\": \"" + TestTars.sha256(db) + "\","
        + " \"members\": [], \"tool_version\": \"test\", \"key_count\": " + keys + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private StagedArchive stage(byte[] archive, Optional<String> sha) {
    return ArchiveStager.stage("a.tar.gz", new ByteArrayInputStream(archive), sha, "test",
        dir.resolve("staged.db"));
  }

  @Test
  void manifestFirstOrDbFirstBothStageAndVerify() throws Exception {
    byte[] db = TestTars.dbWithEtcdHash("etcd data".repeat(1000).getBytes());
    byte[] manifestFirst = TestTars.tarGz(TestTars.entries("manifest.json", manifest(db, 7),
        "db", db));
    byte[] dbFirst = TestTars.tarGz(TestTars.entries("db", db, "manifest.json",
        manifest(db, 7)));

    for (byte[] archive : List.of(manifestFirst, dbFirst)) {
      StagedArchive staged = stage(archive, Optional.of(TestTars.sha256(archive)));
      assertThat(staged.manifest().orElseThrow().revision()).isEqualTo(42);
      assertThat(staged.keyCount()).hasValue(7);
      assertThat(staged.skipHashCheck()).isFalse();
      assertThat(Files.readAllBytes(staged.dbFile())).isEqualTo(db);
      assertThat(staged.describeSha()).endsWith(" matches test");
      Files.delete(staged.dbFile());
    }
  }

  @Test
  void aDbOfSeveralChunksStagesWhole() throws Exception {
    byte[] body = new byte[DbSink.CHUNK_BYTES * 3 + 12345];
    new java.util.Random(5).nextBytes(body);
    byte[] db = TestTars.dbWithEtcdHash(body);

    StagedArchive staged = stage(TestTars.tarGz(TestTars.entries("db", db, "manifest.json",
        manifest(db, 1))), Optional.empty());

    assertThat(staged.dbSize()).isEqualTo(db.length);
    assertThat(staged.etcdHashValid()).isTrue();
    assertThat(staged.dbSha256()).isEqualTo(TestTars.sha256(db));
    assertThat(Files.readAllBytes(staged.dbFile())).isEqualTo(db);
  }

  @Test
  void aCharmArchiveWithARawDbCopyNeedsSkipHashCheckAndSaysSo() throws Exception {
    byte[] raw = "bolt pages without a trailing hash".repeat(100).getBytes();

    StagedArchive staged = stage(TestTars.tarGz(TestTars.entries("./db", raw)), Optional.empty());

    assertThat(staged.manifest()).isEmpty();
    assertThat(staged.skipHashCheck()).isTrue();
    assertThat(staged.describe()).contains("Juju charm", "carried no hash", "--skip-hash-check");
    assertThat(staged.describeSha()).contains("not checked against a record");
  }

  @Test
  void aV2DataDirIsRefusedNamingTheMigration() throws Exception {
    byte[] archive = TestTars.tarGz(TestTars.entries("member/wal/0000000000000000-0000000000000000.wal",
        new byte[100], "member/snap/0000000000000002-0000000000000001.snap", new byte[10]));

    assertThatThrownBy(() -> stage(archive, Optional.empty()))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("v2")
        .hasMessageContaining("etcdctl migrate");
    assertThat(dir.resolve("staged.db")).doesNotExist();
  }

  @Test
  void aDbThatDoesNotMatchItsManifestOrHashIsRefusedAndNothingStaysStaged() throws Exception {
    byte[] db = TestTars.dbWithEtcdHash("etcd data".repeat(1000).getBytes());
    byte[] tampered = db.clone();
    tampered[10] ^= 1;
    byte[] archive = TestTars.tarGz(TestTars.entries("manifest.json", manifest(db, 7),
        "db", tampered));

    assertThatThrownBy(() -> stage(archive, Optional.empty()))
        .hasMessageContaining("differs from the manifest's");
    assertThat(dir.resolve("staged.db")).doesNotExist();
  }

  @Test
  void aStagingFileThatExistsIsNeitherReplacedNorRemoved() throws Exception {
    byte[] db = TestTars.dbWithEtcdHash(new byte[4096]);
    Path someoneElses = Files.writeString(dir.resolve("staged.db"), "not ours");

    assertThatThrownBy(() -> stage(TestTars.tarGz(TestTars.entries("./db", db)),
        Optional.empty())).hasMessageContaining("exists and is not replaced");
    assertThat(someoneElses).hasContent("not ours");
  }

  @Test
  void aWrongExpectedSha256IsRefused() throws Exception {
    byte[] db = TestTars.dbWithEtcdHash(new byte[4096]);
    byte[] archive = TestTars.tarGz(TestTars.entries("db", db));

    assertThatThrownBy(() -> stage(archive, Optional.of("00".repeat(32))))
        .hasMessageContaining("differs from " + "00".repeat(32) + " (test)");
    assertThat(dir.resolve("staged.db")).doesNotExist();
  }

  @Test
  void aTruncatedDownloadIsRefused() throws Exception {
    byte[] db = TestTars.dbWithEtcdHash(new java.util.Random(1).ints(20000).mapToObj(
        Integer::toString).reduce("", String::concat).getBytes());
    byte[] archive = TestTars.tarGz(TestTars.entries("db", db));
    byte[] cut = java.util.Arrays.copyOf(archive, archive.length / 2);

    assertThatThrownBy(() -> stage(cut, Optional.empty()))
        .hasMessageContaining("cannot read the archive");
    assertThat(dir.resolve("staged.db")).doesNotExist();
  }
}
