package io.etcdwarden.backup;

/**
 * Why prune keeps or deletes one archive, as a type rather than text: callers decide on it
 * ({@link #kept()}), and {@link #text()} is only what the operator reads, e.g. {@code kept
 * etcd-snapshot-... (last 7)}. {@link LastArchives} is the {@code keep_last} rule with its
 * count; {@link Fixed} holds the period buckets, the safety rule that always keeps the newest
 * verified archive, an archive etcd-warden did not name (never touched) and one no rule keeps
 * (deleted, or would be in a dry run).
 */
public sealed interface PruneReason {
  /** The words printed in parentheses after the archive's name. */
  String text();

  /** True unless the archive is (or, in a dry run, would be) deleted. */
  default boolean kept() {
    return this != Fixed.OUTSIDE_POLICY;
  }

  /** Kept as one of the newest {@code count} archives ({@code keep_last}). */
  record LastArchives(int count) implements PruneReason {
    @Override
    public String text() {
      return "last " + count;
    }
  }

  /** The reasons that carry no number. */
  enum Fixed implements PruneReason {
    HOURLY("hourly"), DAILY("daily"), WEEKLY("weekly"), NEWEST_VERIFIED("newest verified"),
    NOT_OURS("not named by etcd-warden"), OUTSIDE_POLICY("outside the policy");

    private final String text;

    Fixed(String text) {
      this.text = text;
    }

    @Override
    public String text() {
      return text;
    }
  }
}
