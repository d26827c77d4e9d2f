package io.etcdwarden.backup;

/**
 * Why prune keeps or deletes one archive, as a type rather than text: callers decide on it
 * ({@link #kept()}), and {@link #text()} is only what the operator reads, e.g. {@code kept
 * etcd-snapshot-... (last 7)}. {@link Keep} covers the policy's buckets and the safety rule that
 * always keeps the newest verified archive; {@link LastArchives} is the {@code keep_last} rule
 * with its count; {@link #NOT_OURS} and {@link #OUTSIDE_POLICY} are the two other outcomes.
 */
public sealed interface PruneReason {
  /** An archive whose name etcd-warden did not give: never touched. */
  PruneReason NOT_OURS = Other.NOT_OURS;
  /** An etcd-warden archive no rule keeps: deleted (or would be, in a dry run). */
  PruneReason OUTSIDE_POLICY = Other.OUTSIDE_POLICY;

  /** The words printed in parentheses after the archive's name. */
  String text();

  /** True unless the archive is (or, in a dry run, would be) deleted. */
  default boolean kept() {
    return this != OUTSIDE_POLICY;
  }

  /** Kept as one of the newest {@code count} archives ({@code keep_last}). */
  record LastArchives(int count) implements PruneReason {
    @Override
    public String text() {
      return "last " + count;
    }
  }

  /** Kept by a period bucket of the policy, or as the newest archive that verifies. */
  enum Keep implements PruneReason {
    HOURLY("hourly"), DAILY("daily"), WEEKLY("weekly"), NEWEST_VERIFIED("newest verified");

    private final String text;

    Keep(String text) {
      this.text = text;
    }

    @Override
    public String text() {
      return text;
    }
  }

  /** The outcomes no retention rule gives, behind {@link #NOT_OURS} and {@link #OUTSIDE_POLICY}. */
  enum Other implements PruneReason {
    NOT_OURS("not named by etcd-warden"), OUTSIDE_POLICY("outside the policy");

    private final String text;

    Other(String text) {
      this.text = text;
    }

    @Override
    public String text() {
      return text;
    }
  }
}
