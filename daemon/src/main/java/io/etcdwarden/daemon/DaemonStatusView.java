package io.etcdwarden.daemon;

import io.etcdwarden.core.output.Printable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code status} as an operator reads it: the daemon's line and one row per job, or the document
 * {@code {"instance", "started_at", "listen", "jobs": [{"name", "schedule", "last_start",
 * "last_end", "last_outcome", "last_result", "next_run", "runs", "failures", "misfires"}]}}
 * (times ISO-8601 UTC, empty when there is none yet).
 */
public final class DaemonStatusView implements Printable {
  private static final String ROW = "%-9s %-26s %-9s %-24s %-24s %s";
  private final DaemonStatus status;

  public DaemonStatusView(DaemonStatus status) {
    this.status = status;
  }

  @Override
  public String table() {
    StringBuilder out = new StringBuilder("daemon " + status.instance() + " on "
        + status.listen() + ", up since " + status.startedAt() + "\n");
    out.append(String.format(ROW, "JOB", "SCHEDULE", "LAST", "LAST RUN", "NEXT RUN", "RESULT"))
        .append('\n');
    for (DaemonStatus.Job j : status.jobs()) {
      out.append(String.format(ROW, j.name(), j.schedule(),
          j.lastOutcome().isEmpty() ? "-" : j.lastOutcome(), dash(j.lastStart()),
          dash(j.nextRun()), j.lastResult() + "  (runs " + j.runs() + ", failures "
              + j.failures() + ", missed " + j.misfires() + ")")).append('\n');
    }
    return out.toString();
  }

  @Override
  public Object document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("instance", status.instance());
    root.put("started_at", status.startedAt());
    root.put("listen", status.listen());
    root.put("jobs", status.jobs().stream().map(DaemonStatusView::job).toList());
    return root;
  }

  private static Map<String, Object> job(DaemonStatus.Job j) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", j.name());
    row.put("schedule", j.schedule());
    row.put("last_start", j.lastStart());
    row.put("last_end", j.lastEnd());
    row.put("last_outcome", j.lastOutcome());
    row.put("last_result", j.lastResult());
    row.put("next_run", j.nextRun());
    row.put("runs", j.runs());
    row.put("failures", j.failures());
    row.put("misfires", j.misfires());
    return row;
  }

  private static String dash(String s) {
    return s.isEmpty() ? "-" : s.length() > 19 ? s.substring(0, 19) + "Z" : s;
  }
}
