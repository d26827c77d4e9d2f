package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive cut short (a copy or upload that stopped) is reported as cut short, at any length:
 * never "unreadable archive: null", which is what a bare EOFException's message made of it.
 */
class TruncatedArchiveVerifyTest {
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
  @TempDir Path dir;

  private SnapshotStore store() {
    return SnapshotStores.open(URI.create("file://" + dir + "?allow-non-mount=true"));
  }

  @Test
  void aCutArchiveSaysItEndsTooEarlyWhereverItWasCut() throws Exception {
    for (Compression compression : Compression.values()) {
      String name = TestArchives.store(store(), AT, compression, true);
      byte[] whole = Files.readAllBytes(dir.resolve(name));
      for (int keep : new int[] {4, 100, whole.length / 2, whole.length - 8}) {
        Files.write(dir.resolve(name), Arrays.copyOf(whole, keep));

        Verification verification = SnapshotVerifier.verify(store(), name);

        assertThat(verification.problems()).as("%s cut to %d bytes", name, keep)
            .isNotEmpty()
            .noneMatch(p -> p.contains("null"))
            // The one archive reader stops at the sidecar's verdict when the stored bytes differ.
            .anyMatch(p -> p.startsWith("unreadable archive: ")
                && (p.contains("ends too early") || p.contains("runcated"))
                || p.contains("differs from its .sha256"));
      }
      Files.delete(dir.resolve(name));
    }
  }
}
