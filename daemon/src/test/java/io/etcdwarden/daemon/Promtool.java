package io.etcdwarden.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code promtool} (Debian's {@code prometheus} package, installed by
 * {@code .ci/run}) and returns its exit code and output; the shipped files are found from the
 * module folder, where Maven runs the tests.
 */
final class Promtool {
  static final Path RULES = Path.of("..", "prometheus", "etcd-warden.rules.yml");
  static final Path RULE_TESTS = Path.of("..", "prometheus", "etcd-warden.rules.test.yml");
  static final Path DASHBOARD = Path.of("..", "grafana", "etcd-warden.json");

  record Run(int exitCode, String output) {}

  private Promtool() {}

  static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("promtool is not on PATH (apt-get install prometheus): "
          + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("promtool did not finish within 60 s: " + command);
    }
    return new Run(p.exitValue(), out);
  }

  /** Metric names a PromQL expression or rules file mentions, by this project's prefixes. */
  static List<String> metricNames(String text) {
    List<String> names = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\b(?:etcd_warden|jvm|process)_[a-z0-9_]+")
        .matcher(text);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
