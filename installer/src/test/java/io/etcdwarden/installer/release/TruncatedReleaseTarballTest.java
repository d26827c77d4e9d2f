package io.etcdwarden.installer.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release tarball cut short (an interrupted download) is named as such, never "null". */
class TruncatedReleaseTarballTest {
  @TempDir Path tmp;

  @Test
  void aCutTarballSaysItEndsTooEarlyAndInstallsNothing() throws Exception {
    String top = "etcd-v3.4.23-linux-amd64";
    Path whole = tmp.resolve("whole.tar.gz");
    try (OutputStream file = Files.newOutputStream(whole);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      for (String name : new String[] {"etcd", "etcdctl"}) {
        tar.putArchiveEntry(new TarArchiveEntry(Path.of("/usr/bin/etcd").toFile(),
            top + "/" + name));
        Files.copy(Path.of("/usr/bin/etcd"), tar);
        tar.closeArchiveEntry();
      }
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path prefix = tmp.resolve("opt");

    for (int keep : new int[] {5, 300, bytes.length / 2, bytes.length - 4}) {
      Path cut = Files.write(tmp.resolve(top + ".tar.gz"), Arrays.copyOf(bytes, keep));

      assertThatThrownBy(() -> new ReleaseInstaller().install(cut, null, prefix))
          .as("cut to %d bytes", keep)
          .isInstanceOf(WardenException.class)
          .hasMessageStartingWith("release tarball " + cut + " is not a readable .tar.gz (")
          .hasMessageContaining("truncated").hasMessageEndingWith("); download it again")
          .hasMessageNotContaining("null");
      assertThat(prefix.resolve("current")).doesNotExist();
    }
  }
}
