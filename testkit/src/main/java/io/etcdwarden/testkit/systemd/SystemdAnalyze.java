package io.etcdwarden.testkit.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code systemd-analyze} on unit files that are not installed: {@code verify} (syntax,
 * directives, executables) and {@code security --offline=true} (the exposure score systemd
 * itself gives a unit, 0.0 safe to 10.0 unsafe). Works without systemd running.
 */
public final class SystemdAnalyze {
  private static final Pattern SCORE =
      Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d) ");

  /** Exit code and the combined output of one run. */
  public record Run(int exitCode, String output) {}

  private SystemdAnalyze() {}

  /** {@code systemd-analyze verify UNIT...}. */
  public static Run verify(Path... units) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("verify"));
    for (Path u : units) {
      args.add(u.toAbsolutePath().toString());
    }
    return run(args);
  }

  /** The exposure score of {@code unit}, as {@code security --offline=true} reports it. */
  public static double exposure(Path unit) throws IOException, InterruptedException {
    Run r = run(List.of("security", "--offline=true", "--no-pager",
        unit.toAbsolutePath().toString()));
    Matcher m = SCORE.matcher(r.output());
    if (!m.find()) {
      throw new IOException("no exposure level in systemd-analyze's output: " + r.output());
    }
    return Double.parseDouble(m.group(1));
  }

  private static Run run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("systemd-analyze"));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("systemd-analyze did not finish within 60 s: " + command);
    }
    return new Run(p.exitValue(), out);
  }
}
