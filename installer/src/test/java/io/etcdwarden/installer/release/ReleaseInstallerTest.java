package io.etcdwarden.installer.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.installer.files.Sha256;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseInstallerTest {
  @TempDir Path tmp;

  @Test
  void aNewerReleaseMovesTheCurrentLinkAndKeepsTheOlderOne() throws Exception {
    Path prefix = tmp.resolve("opt");
    Path etcd = Path.of("/usr/bin/etcd");
    Path older = tarball("v3.4.22", Map.of("etcd", etcd, "etcdctl", etcd));
    Path newer = tarball("v3.4.23", Map.of("etcd", etcd, "etcdctl", etcd, "etcdutl", etcd));

    new ReleaseInstaller().install(older, Sha256.hex(older), prefix);
    Path bin = new ReleaseInstaller().install(newer, null, prefix);

    assertThat(bin).isEqualTo(prefix.resolve("current"));
    assertThat(Files.readSymbolicLink(bin)).isEqualTo(Path.of("etcd-v3.4.23"));
    assertThat(bin.resolve("etcdutl")).isExecutable();
    assertThat(prefix.resolve("etcd-v3.4.22/etcdctl")).isExecutable();
    assertThat(prefix.resolve("etcd-v3.4.22/etcdutl")).doesNotExist();
  }

  @Test
  void aWrongChecksumLeavesThePrefixUntouched() throws Exception {
    Path release = tarball("v3.4.23", Map.of("etcd", Path.of("/usr/bin/etcd")));
    Path prefix = tmp.resolve("opt");

    assertThatThrownBy(() -> new ReleaseInstaller().install(release, "ab".repeat(32), prefix))
        .hasMessageContaining("not the --release-sha256 given");
    assertThat(prefix).doesNotExist();
  }

  private Path tarball(String version, Map<String, Path> files) throws Exception {
    String top = "etcd-" + version + "-linux-amd64";
    Path tarball = tmp.resolve(top + ".tar.gz");
    try (OutputStream file = Files.newOutputStream(tarball);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Map.Entry<String, Path> f : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(f.getValue().toFile(), top + "/" + f.getKey());
        tar.putArchiveEntry(entry);
        Files.copy(f.getValue(), tar);
        tar.closeArchiveEntry();
      }
    }
    return tarball;
  }
}
