package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized input through the packaged launchers, on their real (small) heaps: a config file
 * or a TLS file of gigabytes, or one that never ends, is refused in one line within seconds
 * (exit 2; UNKNOWN exit 3 for the plugins), never an {@code OutOfMemoryError}.
 */
class OversizedInputIT {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Path sparse(String name) throws Exception {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(2L << 30); // 2 GiB that take no disk
    }
    return file;
  }

  private Run run(String program, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Dist.plugin().resolveSibling(program).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("ETCDCTL_"));
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("answers within 30 s").isTrue();
    return new Run(process.exitValue(), Files.readString(dir.resolve("out")),
        Files.readString(dir.resolve("err")));
  }

  private static void refusedInOneLine(Run run, int exit, String text) {
    String all = run.out() + run.err();
    assertThat(run.exit()).as(all).isEqualTo(exit);
    assertThat(all).contains(text).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    assertThat(all.strip().lines()).as(all).hasSize(1);
  }

  @Test
  void aHugeConfigFileIsOneLine() throws Exception {
    String big = sparse("warden.yaml").toString();

    refusedInOneLine(run("etcd-warden", "health", "--config", big), 2, "is larger than");
    refusedInOneLine(run("etcd-warden", "snapshots", "list", "--config", big), 2,
        "is larger than");
    refusedInOneLine(run("check_etcd_cluster", "--config", big), 3, "is larger than");
    refusedInOneLine(run("etcd-warden", "health", "--config", "/dev/zero"), 2,
        "is larger than");
  }

  @Test
  void aHugeTlsFileIsOneLine() throws Exception {
    String big = sparse("ca.crt").toString();

    refusedInOneLine(run("etcd-warden", "health", "--endpoints", "https://127.0.0.1:1",
        "--cacert", big), 2, "larger than 1 MiB");
  }
}
