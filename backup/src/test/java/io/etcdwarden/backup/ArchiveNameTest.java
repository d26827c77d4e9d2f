package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Archive names follow the charm's pattern in UTC, with the compression's suffix. */
class ArchiveNameTest {
  @Test
  void namesAreTheCharmsUtcTimestampWithTheCompressionSuffix() {
    Instant at = Instant.parse("2026-03-04T05:06:07.890Z");

    assertThat(ArchiveName.of(at, Compression.GZIP))
        .isEqualTo("etcd-snapshot-2026-03-04-05.06.07.tar.gz");
    assertThat(ArchiveName.of(at, Compression.ZSTD))
        .isEqualTo("etcd-snapshot-2026-03-04-05.06.07.tar.zst");
  }

  @Test
  void encryptedArchivesAddAgeAndParseToTheSameTime() {
    Instant at = Instant.parse("2026-03-04T05:06:07Z");

    for (Compression c : Compression.values()) {
      String name = ArchiveName.of(at, c, true);
      assertThat(name).isEqualTo("etcd-snapshot-2026-03-04-05.06.07" + c.suffix() + ".age");
      assertThat(ArchiveName.encrypted(name)).isTrue();
      assertThat(ArchiveName.parse(name)).contains(at);
    }
    assertThat(ArchiveName.parse("etcd-snapshot-2026-03-04-05.06.07.age")).isEmpty();
    assertThat(ArchiveName.parse("etcd-snapshot-2026-03-04-05.06.07.tar.gz.age.age")).isEmpty();
  }

  @Test
  void compressionFollowsFromFlag() {
    assertThat(Compression.ofFlag("zstd")).isEqualTo(Compression.ZSTD);
    assertThatThrownBy(() -> Compression.ofFlag("xz")).hasMessageContaining("--compression")
        .hasMessageContaining("xz");
  }
}
