package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives written without etcd, then verified, damaged and verified again. */
class SnapshotVerifierTest {
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
  @TempDir Path dir;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + dir + "?allow-non-mount=true"));
  }

  private String storeArchive(Compression compression, boolean withEtcdHash) throws Exception {
    return TestArchives.store(store(), AT, compression, withEtcdHash);
  }

  @Test
  void aSoundArchiveVerifiesInBothCompressions() throws Exception {
    for (Compression compression : Compression.values()) {
      String name = storeArchive(compression, true);

      Verification verification = SnapshotVerifier.verify(store(), name);

      assertThat(verification.problems()).isEmpty();
      assertThat(verification.manifest().orElseThrow().revision()).isEqualTo(42);
      assertThat(verification.archiveBytes()).isEqualTo(Files.size(dir.resolve(name)));
      assertThat(SnapshotCatalog.list(store())).anyMatch(e -> e.stored().name().equals(name)
          && e.manifest().orElseThrow().memberName().equals("etcd0"));
    }
  }

  @Test
  void anArchiveWithItsManifestFirstStillVerifiesAndLists() throws Exception {
    for (Compression compression : Compression.values()) {
      String name = TestArchives.store(store(), AT, compression, true, true);

      Verification verification = SnapshotVerifier.verify(store(), name);

      assertThat(verification.problems()).isEmpty();
      assertThat(verification.manifest().orElseThrow().dbSize()).isEqualTo(300_032);
      assertThat(SnapshotCatalog.list(store())).anyMatch(e -> e.stored().name().equals(name)
          && e.manifest().orElseThrow().revision() == 42);
    }
  }

  @Test
  void aFlippedByteInTheStoreIsFound() throws Exception {
    String name = storeArchive(Compression.ZSTD, true);
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
      file.seek(file.length() / 2);
      int b = file.read();
      file.seek(file.length() / 2);
      file.write(b ^ 0x40);
    }

    assertThat(SnapshotVerifier.verify(store(), name).ok()).isFalse();
  }

  @Test
  void aDbWithoutEtcdsHashIsFound() throws Exception {
    String name = storeArchive(Compression.GZIP, false);

    assertThat(SnapshotVerifier.verify(store(), name).problems())
        .containsExactly("db does not end with etcd's valid hash");
  }

  @Test
  void aMissingChecksumFileIsReported() throws Exception {
    String name = storeArchive(Compression.GZIP, true);
    Files.delete(dir.resolve(name + ".sha256"));

    assertThat(SnapshotVerifier.verify(store(), name).problems())
        .anyMatch(p -> p.contains(name + ".sha256"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aWriterThatFailsNeverPublishes(boolean withError) throws IOException {
    assertThatThrownBy(() -> ArchivePipe.connect(out -> {
      out.write(new byte[2 << 20]);
      if (withError) {
        throw new NoClassDefFoundError("com/github/luben/zstd/ZstdOutputStream");
      }
      throw new IOException("disk read error");
    }, in -> store().put("etcd-snapshot-x.tar.gz", in)))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining(withError ? "ZstdOutputStream" : "disk read error");

    assertThat(store().list()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
