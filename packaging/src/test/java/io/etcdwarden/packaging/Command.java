package io.etcdwarden.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One external command run to its end: exit code and output (stdout and stderr merged). */
record Command(int code, String output) {
  static Command run(List<String> command) throws IOException, InterruptedException {
    return run(command, null, null);
  }

  /** Runs {@code command}; with {@code env}, in exactly that environment and nothing else. */
  static Command run(List<String> command, Map<String, String> env, Path dir)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (env != null) {
      builder.environment().clear();
      builder.environment().putAll(env);
    }
    if (dir != null) {
      builder.directory(dir.toFile());
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("still running after 10 minutes: " + command);
    }
    return new Command(process.exitValue(), output);
  }
}
