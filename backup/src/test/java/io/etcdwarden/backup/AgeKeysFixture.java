package io.etcdwarden.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An identity made by Debian's {@code age-keygen}, and the real {@code age} CLI to run. */
final class AgeKeysFixture {
  private AgeKeysFixture() {}

  /** Writes a fresh identity to {@code file} (0600) and returns its recipient. */
  static String keygen(Path file) throws Exception {
    run(file.getParent(), "age-keygen", "-o", file.toString());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return run(file.getParent(), "age-keygen", "-y", file.toString()).strip();
  }

  /** Runs a command in {@code dir}; returns its stdout, fails on a non-zero exit. */
  static String run(Path dir, String... command) throws Exception {
    Path out = Files.createTempFile(dir, "cmd", ".out");
    Path err = Files.createTempFile(dir, "cmd", ".err");
    Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " failed: "
          + Files.readString(err, StandardCharsets.UTF_8));
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    Files.delete(err);
    return text;
  }
}
