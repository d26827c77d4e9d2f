package io.etcdwarden.maintenance;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A short history of (revision, time) pairs the daemon keeps in etcd under {@link #KEY}, so that
 * "compact what is older than 2h" can be turned into a revision: etcd itself does not say when
 * a revision was written. A sample is added at most every {@link #SPACING} and only the last
 * {@link #CAPACITY} are kept (about a day). Daemons on every member may record; two writing at
 * once lose one sample, which is harmless. A value that does not parse is started afresh.
 */
public final class RevisionHistory {
  public static final String KEY = "/etcd-warden/maintenance/revisions";
  public static final Duration SPACING = Duration.ofMinutes(5);
  public static final int CAPACITY = 300;

  private final EtcdClients clients;

  public RevisionHistory(EtcdClients clients) {
    this.clients = clients;
  }

  /** One revision and when the cluster was seen at it. */
  public record Sample(long revision, Instant at) {}

  /**
   * The newest recorded revision at least {@code retain} old at {@code now}; empty when the
   * history does not reach back that far.
   */
  public static Optional<Long> pick(List<Sample> samples, Duration retain, Instant now) {
    Instant limit = now.minus(retain);
    return samples.stream().filter(s -> !s.at().isAfter(limit))
        .max(java.util.Comparator.comparing(Sample::at)).map(Sample::revision);
  }

  /**
   * The newest recorded revision at least {@code retain} old at {@code now}, read from etcd;
   * refused in one line when the history does not reach back that far.
   */
  public long revisionOlderThan(Duration retain, Instant now) {
    List<Sample> samples = read();
    return pick(samples, retain, now).orElseThrow(() -> tooShort(samples, retain));
  }

  /** The samples as stored (oldest first), empty when none was recorded yet. */
  public List<Sample> read() {
    GetResponse got = Calls.await(clients.cluster().getKVClient().get(bytes(KEY)),
        clients.target(), "read " + KEY);
    return got.getKvs().isEmpty() ? List.of() : parse(text(got.getKvs().get(0)));
  }

  /**
   * Adds the cluster's current revision at {@code now} unless the newest sample is younger
   * than {@link #SPACING}; true when a sample was added.
   */
  public boolean record(Instant now) {
    GetResponse got = Calls.await(clients.cluster().getKVClient().get(bytes(KEY)),
        clients.target(), "read " + KEY);
    long revision = got.getHeader().getRevision();
    long seen = got.getKvs().isEmpty() ? 0 : got.getKvs().get(0).getModRevision();
    List<Sample> samples = new ArrayList<>(got.getKvs().isEmpty() ? List.of()
        : parse(text(got.getKvs().get(0))));
    if (!samples.isEmpty()
        && now.isBefore(samples.get(samples.size() - 1).at().plus(SPACING))) {
      return false;
    }
    samples.add(new Sample(revision, now));
    List<Sample> kept = samples.subList(Math.max(0, samples.size() - CAPACITY), samples.size());
    return Calls.await(clients.cluster().getKVClient().txn()
        .If(new Cmp(bytes(KEY), Cmp.Op.EQUAL, CmpTarget.modRevision(seen)))
        .Then(Op.put(bytes(KEY), bytes(format(kept)), PutOption.DEFAULT)).commit(),
        clients.target(), "write " + KEY).isSucceeded();
  }

  /** One {@code REVISION INSTANT} per line. */
  static String format(List<Sample> samples) {
    StringBuilder out = new StringBuilder();
    samples.forEach(s -> out.append(s.revision()).append(' ').append(s.at()).append('\n'));
    return out.toString();
  }

  static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    try {
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          String[] f = line.trim().split(" ");
          samples.add(new Sample(Long.parseLong(f[0]), Instant.parse(f[1])));
        }
      }
    } catch (RuntimeException e) {
      return List.of(); // not ours to repair: the next record starts afresh
    }
    return samples;
  }

  /** The one-line refusal when {@code retain} reaches past the history. */
  public static WardenException tooShort(List<Sample> samples, Duration retain) {
    return WardenException.badInput("--retain " + io.etcdwarden.core.config.Durations
        .format(retain) + ": the revision history in " + KEY + " does not reach back that far ("
        + (samples.isEmpty() ? "no samples yet; the daemon records one every "
            + io.etcdwarden.core.config.Durations.format(SPACING)
            : "oldest sample " + samples.get(0).at()) + "); give --revision instead");
  }

  private static String text(KeyValue kv) {
    return kv.getValue().toString(StandardCharsets.UTF_8);
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
