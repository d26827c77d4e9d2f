package io.etcdwarden.daemon;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each job did lately, for {@code status} and the logs: when it last started and ended,
 * how that run ended, and how many runs, failures and missed runs it has had. Thread-safe: jobs
 * write from Quartz's threads, the HTTP endpoint reads.
 */
final class JobHistory {
  /** How a run ended. */
  public enum Outcome { OK, SKIPPED, FAILED }

  /** One job's record; {@code lastResult} is one line. */
  public record Entry(String job, Optional<Instant> lastStart, Optional<Instant> lastEnd,
      Optional<Outcome> lastOutcome, String lastResult, long runs, long failures,
      long skipped, long misfires, Optional<Instant> lastMisfire) {
    /** Runs that did their work (not skipped, not failed). */
    public long succeeded() {
      return runs - failures - skipped;
    }
  }

  /** How many finished runs per job {@link #recent} keeps. */
  static final int RECENT = 64;

  /** One finished run. */
  public record Run(Instant ended, Outcome outcome, String result) {}

  private final Clock clock;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, ArrayDeque<Run>> recent = new HashMap<>();

  public JobHistory(Clock clock, List<String> jobs) {
    this.clock = clock;
    for (String job : jobs) {
      entries.put(job, new Entry(job, Optional.empty(), Optional.empty(), Optional.empty(),
          "not run yet", 0, 0, 0, 0, Optional.empty()));
    }
  }

  public synchronized void started(String job) {
    Entry e = entry(job);
    entries.put(job, new Entry(job, Optional.of(clock.instant()), e.lastEnd(), e.lastOutcome(),
        "running", e.runs(), e.failures(), e.skipped(), e.misfires(), e.lastMisfire()));
  }

  public synchronized void ended(String job, Outcome outcome, String result) {
    Entry e = entry(job);
    entries.put(job, new Entry(job, e.lastStart(), Optional.of(clock.instant()),
        Optional.of(outcome), result, e.runs() + 1,
        e.failures() + (outcome == Outcome.FAILED ? 1 : 0),
        e.skipped() + (outcome == Outcome.SKIPPED ? 1 : 0), e.misfires(), e.lastMisfire()));
    ArrayDeque<Run> runs = recent.computeIfAbsent(job, j -> new ArrayDeque<>());
    if (runs.size() == RECENT) {
      runs.removeFirst();
    }
    runs.addLast(new Run(clock.instant(), outcome, result));
  }

  /** The job's last {@value #RECENT} finished runs, oldest first. */
  public synchronized List<Run> recent(String job) {
    entry(job);
    return List.copyOf(recent.getOrDefault(job, new ArrayDeque<>()));
  }

  public synchronized void misfired(String job) {
    Entry e = entry(job);
    entries.put(job, new Entry(job, e.lastStart(), e.lastEnd(), e.lastOutcome(), e.lastResult(),
        e.runs(), e.failures(), e.skipped(), e.misfires() + 1, Optional.of(clock.instant())));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public synchronized Entry entry(String job) {
    Entry e = entries.get(job);
    if (e == null) {
      throw new IllegalArgumentException("unknown job " + job);
    }
    return e;
  }
}
