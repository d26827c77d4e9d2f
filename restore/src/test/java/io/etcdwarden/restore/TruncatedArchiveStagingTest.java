package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** restore and drill name a cut archive as cut, wherever it ends; never "null". */
class TruncatedArchiveStagingTest {
  @TempDir Path dir;

  @Test
  void aCutArchiveIsRefusedAsEndingTooEarly() throws Exception {
    byte[] body = new byte[200_000];
    new Random(7).nextBytes(body);
    byte[] archive = TestTars.tarGz(TestTars.entries("db", TestTars.dbWithEtcdHash(body)));

    for (int keep : new int[] {3, 50, archive.length / 2, archive.length - 4}) {
      byte[] cut = Arrays.copyOf(archive, keep);

      assertThatThrownBy(() -> ArchiveStager.stage("a.tar.gz", new ByteArrayInputStream(cut),
          Optional.empty(), "test", dir.resolve("staged.db")))
          .as("cut to %d bytes", keep)
          .isInstanceOf(WardenException.class)
          .hasMessage("a.tar.gz: cannot read the archive: the data ends too early (truncated or"
              + " still being written); nothing was changed");
      assertThat(dir.resolve("staged.db")).doesNotExist();
    }
  }
}
