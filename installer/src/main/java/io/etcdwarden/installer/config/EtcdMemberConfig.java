package io.etcdwarden.installer.config;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything etcd 3.4's {@code --config-file} needs for one member of a statically bootstrapped
 * cluster with mutual TLS: its name and data directory, the URLs it listens on and advertises,
 * the initial cluster, one certificate and key used for both client and peer traffic, the CA
 * that client and peer certificates must chain to, and the raft and storage tuning. Build it
 * with {@link #builder()}, whose {@code build()} checks every field and names the first bad one;
 * defaults are those of the Juju etcd charm. {@link EtcdConfigRenderer} turns it into YAML.
 *
 * @param initialCluster every member's name and peer URL, in the order given
 * @param quotaBackendBytes 0 leaves etcd's own default (2 GiB) in place
 * @param autoCompactionRetention etcd's periodic compaction retention; empty: none rendered
 */
public record EtcdMemberConfig(
    String name,
    Path dataDir,
    List<URI> listenClientUrls,
    List<URI> advertiseClientUrls,
    List<URI> listenPeerUrls,
    List<URI> initialAdvertisePeerUrls,
    List<URI> listenMetricsUrls,
    Map<String, URI> initialCluster,
    String initialClusterToken,
    ClusterState initialClusterState,
    Path certFile,
    Path keyFile,
    Path trustedCaFile,
    long snapshotCount,
    int heartbeatIntervalMs,
    int electionTimeoutMs,
    int maxSnapshots,
    int maxWals,
    boolean strictReconfigCheck,
    long quotaBackendBytes,
    String autoCompactionRetention,
    String logger,
    List<String> logOutputs) {

  /** Raft heartbeat interval, as the charm sets it (and etcd's own default). */
  public static final int DEFAULT_HEARTBEAT_INTERVAL_MS = 100;
  /** Raft election timeout, as the charm sets it: ten heartbeats. */
  public static final int DEFAULT_ELECTION_TIMEOUT_MS = 1000;
  /**
   * Committed entries between snapshots, as the charm sets it (etcd 3.4's and 3.5's default);
   * the installer takes each line's own default instead ({@code EtcdLine.defaultSnapshotCount}).
   */
  public static final long DEFAULT_SNAPSHOT_COUNT = 100_000;
  /** Snapshot files kept on disk. */
  public static final int DEFAULT_MAX_SNAPSHOTS = 5;
  /** WAL files kept on disk. */
  public static final int DEFAULT_MAX_WALS = 5;
  /** Refuse membership changes that would lose quorum. */
  public static final boolean DEFAULT_STRICT_RECONFIG_CHECK = true;
  /** 0: keep etcd's default backend quota. */
  public static final long DEFAULT_QUOTA_BACKEND_BYTES = 0;
  /** Structured JSON logs, which {@code EtcdProcess} reads back to explain failures. */
  public static final String DEFAULT_LOGGER = "zap";
  /** Logs to stderr, which the launcher appends to the member's log file. */
  public static final List<String> DEFAULT_LOG_OUTPUTS = List.of("stderr");
  /** etcd requires the election timeout to be at least this many heartbeats. */
  public static final int MIN_ELECTION_HEARTBEATS = 5;
  /** etcd's upper bound on the election timeout. */
  public static final int MAX_ELECTION_TIMEOUT_MS = 50_000;

  private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int TOKEN_LENGTH = 6;

  /** Copies collections so that the record stays immutable; validation is {@code build()}'s. */
  public EtcdMemberConfig {
    listenClientUrls = immutable(listenClientUrls);
    advertiseClientUrls = immutable(advertiseClientUrls);
    listenPeerUrls = immutable(listenPeerUrls);
    initialAdvertisePeerUrls = immutable(initialAdvertisePeerUrls);
    listenMetricsUrls = immutable(listenMetricsUrls);
    logOutputs = immutable(logOutputs);
    autoCompactionRetention = autoCompactionRetention == null ? "" : autoCompactionRetention;
    initialCluster =
        initialCluster == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(initialCluster));
  }

  /** A builder preset with the charm's defaults. */
  public static EtcdMemberConfigBuilder builder() {
    return new EtcdMemberConfigBuilder();
  }

  /** A builder preset with this config's values, to derive a changed copy. */
  public EtcdMemberConfigBuilder toBuilder() {
    return new EtcdMemberConfigBuilder(this);
  }

  /**
   * A fresh {@code initial-cluster-token}: six random lowercase letters and digits, as the charm
   * makes them. Distinct tokens keep members of two clusters bootstrapped from similar URLs from
   * ever joining each other.
   */
  public static String randomClusterToken() {
    SecureRandom random = new SecureRandom();
    StringBuilder token = new StringBuilder(TOKEN_LENGTH);
    for (int i = 0; i < TOKEN_LENGTH; i++) {
      token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
    }
    return token.toString();
  }

  private static <T> List<T> immutable(List<T> list) {
    // Collections.unmodifiableList, not List.copyOf: a null entry must reach validation.
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
