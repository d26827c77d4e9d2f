package io.etcdwarden.installer.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Release tarballs built to escape: {@code ..} steps, absolute names, symbolic and hard links,
 * a linked folder pointing outside, a second top folder, a binary named twice, a device. Each is
 * refused with one line, the prefix keeps no trace and nothing appears outside it.
 */
class HostileReleaseTarballTest {
  private static final String TOP = "etcd-v3.6.16-linux-amd64/";
  @TempDir Path tmp;

  /** One hostile entry placed after a sound etcd and etcdctl, and what the refusal says. */
  record Hostile(String label, TarArchiveEntry entry, String says) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Hostile> hostile() {
    return Stream.of(
        new Hostile("dot-dot", file(TOP + "../../outside/etcdctl"), "climbs out with '..'"),
        new Hostile("dot-dot at top", file("../outside/etcd"), "climbs out with '..'"),
        new Hostile("absolute", file("/tmp/etcd-warden-hostile/etcd"), "absolute path"),
        new Hostile("symlink binary", link(TOP + "etcdutl", "/usr/bin/etcd",
            TarConstants.LF_SYMLINK), "symbolic link"),
        new Hostile("hard link", link(TOP + "etcdutl", "../../outside/victim",
            TarConstants.LF_LINK), "hard link"),
        new Hostile("linked folder", link(TOP + "bin", "../../outside",
            TarConstants.LF_SYMLINK), "symbolic link"),
        new Hostile("second top folder", file("other/etcd"), "outside the release folder"),
        new Hostile("binary twice", file(TOP + "etcd"), "second copy of etcd"),
        new Hostile("fifo", link(TOP + "pipe", "", TarConstants.LF_FIFO), "neither a regular"));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void aHostileEntryRefusesTheTarballAndWritesNothingOutsideThePrefix(Hostile hostile)
      throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path tarball = tarball(hostile.entry());
    Path prefix = tmp.resolve("opt");

    assertThatThrownBy(() -> new ReleaseInstaller().install(tarball, null, prefix))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining(hostile.says())
        .hasMessageContaining("refused")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

    try (Stream<Path> inPrefix = Files.list(prefix)) {
      assertThat(inPrefix).as("nothing left in the prefix").isEmpty();
    }
    try (Stream<Path> escaped = Files.list(outside)) {
      assertThat(escaped).as("nothing written outside").isEmpty();
    }
    assertThat(Path.of("/tmp/etcd-warden-hostile")).doesNotExist();
    try (Stream<Path> top = Files.list(tmp)) {
      assertThat(top.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("outside", "opt", "release.tar.gz");
    }
  }

  @Test
  void aSoundTarballWithDotSlashNamesAndExtraFilesInstalls() throws Exception {
    Path tarball = tarball(file("./" + TOP + "Documentation/README.md"));

    Path bin = new ReleaseInstaller().install(tarball, null, tmp.resolve("opt"));

    assertThat(bin.resolve("etcd")).isExecutable();
    assertThat(bin.resolve("Documentation")).doesNotExist();
  }

  @Test
  void aTruncatedTarballIsRefusedNamingTheCause() throws Exception {
    Path tarball = tarball(file(TOP + "README.md"));
    byte[] whole = Files.readAllBytes(tarball);
    Files.write(tarball, java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> new ReleaseInstaller().install(tarball, null, tmp.resolve("opt")))
        .hasMessageContaining("not a readable .tar.gz").hasMessageNotContaining("null");
  }

  private static final Path REAL_ETCD = Path.of("/usr/bin/etcd");

  private static TarArchiveEntry file(String name) {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(elf().length);
    entry.setMode(0755);
    return entry;
  }

  private static TarArchiveEntry link(String name, String target, byte type) {
    TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
    entry.setLinkName(target);
    return entry;
  }

  /** A release with a sound etcd and etcdctl, then {@code extra}. */
  private Path tarball(TarArchiveEntry extra) throws Exception {
    Path tarball = tmp.resolve("release.tar.gz");
    try (OutputStream out = Files.newOutputStream(tarball);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      // install asks the unpacked etcd for its version: the sound binaries are Debian's etcd.
      for (String binary : List.of("etcd", "etcdctl")) {
        TarArchiveEntry entry = new TarArchiveEntry(TOP + binary, true);
        entry.setSize(Files.size(REAL_ETCD));
        entry.setMode(0755);
        tar.putArchiveEntry(entry);
        Files.copy(REAL_ETCD, tar);
        tar.closeArchiveEntry();
      }
      for (TarArchiveEntry entry : List.of(extra)) {
        tar.putArchiveEntry(entry);
        if (entry.isFile() && entry.getSize() > 0) {
          tar.write(elf());
        }
        tar.closeArchiveEntry();
      }
    }
    return tarball;
  }

  /** The 20-byte header of a 64-bit little-endian x86-64 ELF file, all the check reads. */
  private static byte[] elf() {
    byte[] header = new byte[20];
    header[0] = 0x7f;
    header[1] = 'E';
    header[2] = 'L';
    header[3] = 'F';
    header[4] = 2;
    header[5] = 1;
    header[18] = 0x3E;
    return header;
  }
}
