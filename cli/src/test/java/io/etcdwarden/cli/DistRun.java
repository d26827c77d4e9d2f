package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged {@code bin/etcd-warden} as a process of its own, as an operator or
 * NRPE starts it: its own environment (the SDKs read theirs from the process), stdout and
 * stderr kept apart, and how long it took.
 */
record DistRun(int code, String out, String err, Duration took) {
  /**
   * Runs the launcher with {@code args} in {@code work}; the environment is this JVM's minus
   * every {@code AWS_*}, {@code GOOGLE_*} and {@code ETCD_WARDEN_*} variable, plus {@code env}.
   */
  static DistRun launch(Path work, Map<String, String> env, List<String> args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Dist.plugin().resolveSibling("etcd-warden").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_")
        || k.startsWith("GOOGLE_") || k.startsWith("ETCD_WARDEN_"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    long start = System.nanoTime();
    Process p = builder.start();
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as(command.toString()).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    DistRun run = new DistRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), took);
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  @Override
  public String toString() {
    return "exit " + code + " after " + took.toMillis() + " ms\n--- stdout\n" + out
        + "--- stderr\n" + err;
  }
}
