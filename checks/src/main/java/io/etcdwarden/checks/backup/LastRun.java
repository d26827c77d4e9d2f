package io.etcdwarden.checks.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * What the daemon's last scheduled snapshot did, kept in etcd itself under {@link #KEY}: every
 * member runs a daemon but one of them takes each tick, so the record of the tick belongs to the
 * cluster, not to one host's disk, and {@code check_etcd_backup} on any member reads the same
 * answer. Written by the daemon that served the tick, after the archive was verified or the run
 * failed.
 *
 * @param tick the scheduled fire time the run served
 * @param archive the archive it published (empty when it failed before publishing)
 * @param verified true when {@code SnapshotVerifier} re-read the published archive without
 *     problems
 * @param problem why the run failed or the verification did not pass; empty when neither
 * @param daemon which daemon ran it ({@code host/pid})
 */
public record LastRun(Instant tick, Instant finishedAt, boolean ok, String archive,
    long sizeBytes, boolean verified, String problem, String daemon) {
  public static final String KEY = "/etcd-warden/snapshot/last-run";

  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public LastRun {
    Objects.requireNonNull(tick, "tick");
    Objects.requireNonNull(finishedAt, "finishedAt");
    archive = archive == null ? "" : archive;
    problem = problem == null ? "" : problem;
    daemon = daemon == null ? "" : daemon;
  }

  private record Wire(String tick, String finishedAt, boolean ok, String archive,
      long sizeBytes, boolean verified, String problem, String daemon) {}

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(new Wire(tick.toString(), finishedAt.toString(), ok, archive,
          sizeBytes, verified, problem, daemon));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the last run as JSON", e);
    }
  }

  public static LastRun fromJson(byte[] json) throws IOException {
    Wire w = JSON.readValue(json, Wire.class);
    try {
      return new LastRun(Instant.parse(w.tick()), Instant.parse(w.finishedAt()), w.ok(),
          w.archive(), w.sizeBytes(), w.verified(), w.problem(), w.daemon());
    } catch (RuntimeException e) {
      throw new IOException("not a last-run record: " + e.getMessage(), e);
    }
  }
}
