package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.Perfdata;
import io.etcdwarden.checks.State;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.MemberStatus;
import io.etcdwarden.core.files.BoundedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Condition 7: elections within the window (default 15 minutes), counted as the rise of the
 * raft term since the oldest observation in a small state file ({@code <epoch-ms> <term>} per
 * line); every term rise is an election, so this counts leader changes and failed elections
 * alike. Each run appends its observation and forgets those older than the window. With no
 * earlier observation the condition is not evaluated and says so.
 */
final class LeaderChanges implements ExtraCondition {
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  private final Path stateFile;
  private final Thresholds changes;
  private final Clock clock;
  private final Duration window;

  public LeaderChanges(Path stateFile, Thresholds changes, Clock clock, Duration window) {
    this.stateFile = stateFile;
    this.changes = changes;
    this.clock = clock;
    this.window = window;
  }

  @Override
  public CheckResult evaluate(ClusterReport report) {
    long term = report.members().stream().filter(MemberStatus::reachable)
        .mapToLong(MemberStatus::raftTerm).max().orElse(-1);
    if (term < 0) {
      return CheckResult.skipped("leader changes not known: no member answered");
    }
    long now = clock.millis();
    List<long[]> kept = new ArrayList<>();
    try {
      for (long[] seen : read()) {
        if (seen[0] >= now - window.toMillis() && seen[0] <= now) {
          kept.add(seen);
        }
      }
      kept.add(new long[] {now, term});
      write(kept);
    } catch (IOException e) {
      return CheckResult.of(State.UNKNOWN, "--state-file: cannot use " + stateFile + ": "
          + e.getMessage());
    }
    if (kept.size() == 1) {
      return CheckResult.skipped("leader changes not evaluated yet: first observation saved in "
          + stateFile);
    }
    long count = Math.max(0, term - kept.get(0)[1]);
    return new CheckResult(changes.stateOf(count), count + " leader changes in the last "
        + Duration.ofMillis(now - kept.get(0)[0]).toMinutes() + " min", List.of(),
        List.of(Perfdata.of("leader_changes", count, "c").with(changes)), List.of());
  }

  private List<long[]> read() throws IOException {
    if (!Files.exists(stateFile)) {
      return List.of();
    }
    List<long[]> seen = new ArrayList<>();
    for (String line : BoundedFile.utf8(stateFile, BoundedFile.SMALL_FILE_BYTES, "state file")
        .lines().toList()) {
      String[] parts = line.strip().split(" ");
      if (parts.length == 2 && parts[0].matches("\\d+") && parts[1].matches("\\d+")) {
        seen.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
      }
    }
    return seen;
  }

  private void write(List<long[]> seen) throws IOException {
    StringBuilder text = new StringBuilder();
    seen.forEach(s -> text.append(s[0]).append(' ').append(s[1]).append('\n'));
    Path temp = Files.createTempFile(stateFile.toAbsolutePath().getParent(),
        "." + stateFile.getFileName(), ".tmp");
    Files.writeString(temp, text);
    Files.move(temp, stateFile, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
