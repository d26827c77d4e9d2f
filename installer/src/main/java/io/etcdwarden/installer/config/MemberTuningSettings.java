package io.etcdwarden.installer.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The raft, storage and logging half of {@link EtcdMemberConfigBuilder}: how often the member
 * snapshots and elects, how many files it keeps, its quota, its periodic compaction and its
 * logger, preset with the Juju etcd charm's defaults. The other half (name, data directory,
 * URLs, initial cluster, TLS files) and the checks live in the builder itself; the type
 * parameter lets either half's setters chain in any order.
 *
 * @param <B> the concrete builder the setters return
 */
abstract class MemberTuningSettings<B extends MemberTuningSettings<B>> {
  long snapshotCount = EtcdMemberConfig.DEFAULT_SNAPSHOT_COUNT;
  int heartbeatIntervalMs = EtcdMemberConfig.DEFAULT_HEARTBEAT_INTERVAL_MS;
  int electionTimeoutMs = EtcdMemberConfig.DEFAULT_ELECTION_TIMEOUT_MS;
  int maxSnapshots = EtcdMemberConfig.DEFAULT_MAX_SNAPSHOTS;
  int maxWals = EtcdMemberConfig.DEFAULT_MAX_WALS;
  boolean strictReconfigCheck = EtcdMemberConfig.DEFAULT_STRICT_RECONFIG_CHECK;
  long quotaBackendBytes = EtcdMemberConfig.DEFAULT_QUOTA_BACKEND_BYTES;
  String autoCompactionRetention = "";
  String logger = EtcdMemberConfig.DEFAULT_LOGGER;
  List<String> logOutputs = EtcdMemberConfig.DEFAULT_LOG_OUTPUTS;

  public final B snapshotCount(long snapshotCount) {
    this.snapshotCount = snapshotCount;
    return self();
  }

  public final B heartbeatIntervalMs(int heartbeatIntervalMs) {
    this.heartbeatIntervalMs = heartbeatIntervalMs;
    return self();
  }

  public final B electionTimeoutMs(int electionTimeoutMs) {
    this.electionTimeoutMs = electionTimeoutMs;
    return self();
  }

  public final B maxSnapshots(int maxSnapshots) {
    this.maxSnapshots = maxSnapshots;
    return self();
  }

  public final B maxWals(int maxWals) {
    this.maxWals = maxWals;
    return self();
  }

  public final B strictReconfigCheck(boolean strictReconfigCheck) {
    this.strictReconfigCheck = strictReconfigCheck;
    return self();
  }

  /** 0 keeps etcd's default quota; the key is then left out of the file. */
  public final B quotaBackendBytes(long quotaBackendBytes) {
    this.quotaBackendBytes = quotaBackendBytes;
    return self();
  }

  /** etcd's periodic compaction retention (see {@link AutoCompaction}); empty: none. */
  public final B autoCompactionRetention(String retention) {
    this.autoCompactionRetention = retention;
    return self();
  }

  public final B logger(String logger) {
    this.logger = logger;
    return self();
  }

  public final B logOutputs(List<String> logOutputs) {
    // A copy that keeps a null entry, for validation to name.
    this.logOutputs = logOutputs == null ? null : new ArrayList<>(logOutputs);
    return self();
  }

  /** The concrete builder, for chaining. */
  abstract B self();

  /** Copies the tuning values of {@code c}, to derive a changed config from it. */
  final void copyTuning(EtcdMemberConfig c) {
    snapshotCount(c.snapshotCount()).heartbeatIntervalMs(c.heartbeatIntervalMs());
    electionTimeoutMs(c.electionTimeoutMs()).maxSnapshots(c.maxSnapshots()).maxWals(c.maxWals());
    strictReconfigCheck(c.strictReconfigCheck()).quotaBackendBytes(c.quotaBackendBytes());
    autoCompactionRetention(c.autoCompactionRetention()).logger(c.logger()).logOutputs(c.logOutputs());
  }
}
