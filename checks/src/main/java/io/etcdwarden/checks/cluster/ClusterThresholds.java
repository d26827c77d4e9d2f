package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.core.tls.CertificateDeadlines;
import java.util.OptionalInt;

/**
 * The limits {@link ClusterCheck} compares a cluster against. The defaults follow etcd's own
 * alerting rules: DB size at 80 % / 95 % of the quota (2 GiB, etcd's default, unless the
 * operator gives the member's {@code quota-backend-bytes}), apply lag 1000 / 5000 entries,
 * fragmentation when less than half of a DB over 100 MiB is in use, certificates 30 / 7 days
 * before expiry, 4 leader changes in 15 minutes. Round-trip time has no default limit.
 */
public record ClusterThresholds(
    long quotaBytes,
    Thresholds dbUsedPercent,
    Thresholds applyLag,
    Thresholds rttSeconds,
    Thresholds certDaysLeft,
    Thresholds leaderChanges,
    OptionalInt expectedMembers,
    double minInUseRatio,
    long fragmentationFloorBytes) {

  public static final long DEFAULT_QUOTA_BYTES = 2L * 1024 * 1024 * 1024;
  public static final String DEFAULT_DB_WARNING = "80";
  public static final String DEFAULT_DB_CRITICAL = "95";
  public static final String DEFAULT_LAG_WARNING = "1000";
  public static final String DEFAULT_LAG_CRITICAL = "5000";
  public static final String DEFAULT_CERT_WARNING = CertificateDeadlines.WARNING_DAYS + ":";
  public static final String DEFAULT_CERT_CRITICAL = CertificateDeadlines.CRITICAL_DAYS + ":";
  /** Leader changes counted over the state file's window; 4 or more warns. */
  public static final String DEFAULT_LEADER_CHANGES_WARNING = "3";
  public static final double DEFAULT_MIN_IN_USE_RATIO = 0.5;
  public static final long DEFAULT_FRAGMENTATION_FLOOR_BYTES = 100L * 1024 * 1024;

  public ClusterThresholds {
    if (quotaBytes <= 0) {
      throw new IllegalArgumentException("quota must be positive, got " + quotaBytes);
    }
  }

  /** etcd's alerting defaults. */
  public static ClusterThresholds defaults() {
    return new ClusterThresholds(DEFAULT_QUOTA_BYTES,
        Thresholds.of(DEFAULT_DB_WARNING, DEFAULT_DB_CRITICAL),
        Thresholds.of(DEFAULT_LAG_WARNING, DEFAULT_LAG_CRITICAL),
        Thresholds.none(),
        Thresholds.of(DEFAULT_CERT_WARNING, DEFAULT_CERT_CRITICAL),
        new Thresholds(java.util.Optional.of(io.etcdwarden.checks.Range.of(
            DEFAULT_LEADER_CHANGES_WARNING)), java.util.Optional.empty()),
        OptionalInt.empty(), DEFAULT_MIN_IN_USE_RATIO, DEFAULT_FRAGMENTATION_FLOOR_BYTES);
  }

  /** A builder that starts from these limits, so callers change one and keep the rest. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes limits one at a time; {@link #build()} checks them as the record does. */
  public static final class Builder {
    private long quotaBytes;
    private Thresholds dbUsedPercent;
    private Thresholds applyLag;
    private Thresholds rttSeconds;
    private Thresholds certDaysLeft;
    private Thresholds leaderChanges;
    private OptionalInt expectedMembers;
    private final double minInUseRatio;
    private final long fragmentationFloorBytes;

    private Builder(ClusterThresholds from) {
      quotaBytes = from.quotaBytes;
      dbUsedPercent = from.dbUsedPercent;
      applyLag = from.applyLag;
      rttSeconds = from.rttSeconds;
      certDaysLeft = from.certDaysLeft;
      leaderChanges = from.leaderChanges;
      expectedMembers = from.expectedMembers;
      minInUseRatio = from.minInUseRatio;
      fragmentationFloorBytes = from.fragmentationFloorBytes;
    }

    public Builder quotaBytes(long value) {
      quotaBytes = value;
      return this;
    }

    public Builder dbUsedPercent(Thresholds value) {
      dbUsedPercent = value;
      return this;
    }

    public Builder applyLag(Thresholds value) {
      applyLag = value;
      return this;
    }

    public Builder rttSeconds(Thresholds value) {
      rttSeconds = value;
      return this;
    }

    public Builder certDaysLeft(Thresholds value) {
      certDaysLeft = value;
      return this;
    }

    public Builder leaderChanges(Thresholds value) {
      leaderChanges = value;
      return this;
    }

    public Builder expectedMembers(OptionalInt value) {
      expectedMembers = value;
      return this;
    }

    public ClusterThresholds build() {
      return new ClusterThresholds(quotaBytes, dbUsedPercent, applyLag, rttSeconds,
          certDaysLeft, leaderChanges, expectedMembers, minInUseRatio, fragmentationFloorBytes);
    }
  }
}
