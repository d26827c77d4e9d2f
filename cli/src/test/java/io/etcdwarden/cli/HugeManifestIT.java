package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive whose manifest.json holds 256 MiB (a quarter of a megabyte once gzip'd) is
 * refused in one line by the packaged launcher, on its 96 MiB heap: nothing reads the
 * manifest into memory before its size is checked, so there is no OutOfMemoryError.
 */
class HugeManifestIT {
  private static final long MANIFEST_BYTES = 256L << 20;
  @TempDir Path store;

  @Test
  void aHugeManifestIsRefusedInOneLineWithoutRunningOutOfMemory() throws Exception {
    String name = "etcd-snapshot-2026-01-01-00.00.00.tar.gz";
    byte[] archive = archive();
    Files.write(store.resolve(name), archive);
    Files.writeString(store.resolve(name + ".sha256"), HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(archive)) + "  " + name + "\n");

    Process verify = new ProcessBuilder(Dist.plugin().resolveSibling("etcd-warden").toString(),
        "snapshots", "verify", "--target", "file://" + store, "--allow-non-mount", name)
        .redirectOutput(store.resolve("out").toFile()).redirectError(store.resolve("err").toFile())
        .start();
    assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();

    String out = Files.readString(store.resolve("out"), StandardCharsets.UTF_8);
    assertThat(verify.exitValue()).as(out).isEqualTo(1);
    assertThat(out).isEqualTo("FAILED " + name + ": refused: manifest.json is " + MANIFEST_BYTES
        + " bytes, more than the 1048576 a manifest may hold\n0 of 1 archives sound\n");
    assertThat(store.resolve("err")).isEmptyFile();
  }

  /** db, then a manifest.json of zeros, gzip'd in memory. */
  private static byte[] archive() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      byte[] db = new byte[4096];
      TarArchiveEntry dbEntry = new TarArchiveEntry("db");
      dbEntry.setSize(db.length);
      tar.putArchiveEntry(dbEntry);
      tar.write(db);
      tar.closeArchiveEntry();
      TarArchiveEntry manifest = new TarArchiveEntry("manifest.json");
      manifest.setSize(MANIFEST_BYTES);
      tar.putArchiveEntry(manifest);
      byte[] zeros = new byte[1 << 20];
      for (long written = 0; written < MANIFEST_BYTES; written += zeros.length) {
        tar.write(zeros);
      }
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
