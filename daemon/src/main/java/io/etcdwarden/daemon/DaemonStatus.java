package io.etcdwarden.daemon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * What {@code etcd-warden status} shows, as the daemon serves it on {@code /v1/status}: who the
 * daemon is, since when, and per job its schedule, last and next run and last result. Times are
 * ISO-8601 text, empty when there is none.
 */
public record DaemonStatus(String instance, String startedAt, String listen, List<Job> jobs) {
  /** Where the daemon serves it. */
  public static final String PATH = "/v1/status";
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One job's line. */
  public record Job(String name, String schedule, String lastStart, String lastEnd,
      String lastOutcome, String lastResult, String nextRun, long runs, long failures,
      long misfires) {}

  public DaemonStatus {
    jobs = List.copyOf(jobs);
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the status as JSON", e);
    }
  }

  public static DaemonStatus fromJson(byte[] json) throws IOException {
    return JSON.readValue(json, DaemonStatus.class);
  }
}
