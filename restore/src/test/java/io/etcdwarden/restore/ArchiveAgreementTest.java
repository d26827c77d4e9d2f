package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.backup.SnapshotCatalog;
import io.etcdwarden.backup.SnapshotVerifier;
import io.etcdwarden.backup.Verification;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify, list and restore's stager agree on what an archive is: the charm's ./db layout and
 * archives whose compression is not what their name says are accepted by all of them alike.
 */
class ArchiveAgreementTest {
  @TempDir Path dir;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + dir.resolve("store")
        + "?allow-non-mount=true"));
  }

  private Verification verify(String name, byte[] archive) throws Exception {
    Path store = Files.createDirectories(dir.resolve("store"));
    Files.write(store.resolve(name), archive);
    Files.writeString(store.resolve(name + ".sha256"), TestTars.sha256(archive) + "  " + name
        + "\n");
    return SnapshotVerifier.verify(store(), name);
  }

  private StagedArchive stage(String name, byte[] archive) throws Exception {
    Path staged = dir.resolve(name + ".db");
    return ArchiveStager.stage(name, new ByteArrayInputStream(archive),
        Optional.of(TestTars.sha256(archive)), "test", staged);
  }

  @Test
  void theCharmsDbLayoutVerifiesAndRestoresAlike() throws Exception {
    byte[] raw = "bolt pages without etcd's hash".repeat(300).getBytes();
    byte[] charm = TestTars.tarGz(TestTars.entries("./db", raw));
    byte[] withFolder = HostileTars.gzip().entry("./", org.apache.commons.compress.archivers
        .tar.TarConstants.LF_DIR, new byte[0], e -> { }).file("./db", raw).finish();

    for (byte[] archive : new byte[][] {charm, withFolder}) {
      Verification verified = verify("etcd-snapshot-2026-01-01-00.00.00.tar.gz", archive);
      StagedArchive staged = stage("etcd-snapshot-2026-01-01-00.00.00.tar.gz", archive);

      assertThat(verified.problems()).isEmpty();
      assertThat(verified.summary()).contains("charm archive without manifest",
          raw.length + " bytes", "--skip-hash-check");
      assertThat(staged.manifest()).isEmpty();
      assertThat(staged.skipHashCheck()).isTrue();
      assertThat(SnapshotCatalog.list(store())).singleElement().matches(e -> e.manifest()
          .isEmpty() && e.note().equals("(charm archive, no manifest)"));
      assertThat(Files.readAllBytes(staged.dbFile())).isEqualTo(raw);
      Files.delete(staged.dbFile());
    }
  }

  @Test
  void aMisnamedCompressionVerifiesListsAndRestoresAlike() throws Exception {
    byte[] db = TestTars.dbWithEtcdHash("etcd data".repeat(700).getBytes());
    byte[] manifest = ArchiveStagerTest.manifest(db, 9);
    byte[] zstd = HostileTars.zstd().file("db", db).file("manifest.json", manifest).finish();
    byte[] plainTar = plainTar(db, manifest);

    for (var named : new Object[][] {{"etcd-snapshot-2026-01-01-00.00.01.tar.gz", zstd},
        {"etcd-snapshot-2026-01-01-00.00.02.tar.zst", plainTar},
        {"etcd-snapshot-2026-01-01-00.00.03.tar.zst", TestTars.tarGz(TestTars.entries(
            "db", db, "manifest.json", manifest))}}) {
      String name = (String) named[0];
      byte[] archive = (byte[]) named[1];

      Verification verified = verify(name, archive);
      StagedArchive staged = stage(name, archive);

      assertThat(verified.problems()).as(name).isEmpty();
      assertThat(verified.manifest().orElseThrow().revision()).isEqualTo(42);
      assertThat(staged.manifest().orElseThrow().revision()).isEqualTo(42);
      assertThat(staged.keyCount()).hasValue(9);
      assertThat(Files.readAllBytes(staged.dbFile())).isEqualTo(db);
      assertThat(SnapshotCatalog.list(store())).anyMatch(e -> e.stored().name().equals(name)
          && e.manifest().isPresent());
    }
  }

  private static byte[] plainTar(byte[] db, byte[] manifest) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (var e : TestTars.entries("db", db, "manifest.json", manifest).entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
