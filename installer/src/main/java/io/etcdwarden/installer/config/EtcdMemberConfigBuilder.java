package io.etcdwarden.installer.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the settings of one etcd member, starting from the Juju charm's defaults, and checks
 * them all in {@link #build()}: a mistake surfaces here, naming the etcd config key, rather than
 * as an etcd process that exits at start-up. Obtain one from {@link EtcdMemberConfig#builder()}.
 */
public final class EtcdMemberConfigBuilder extends MemberTuningSettings<EtcdMemberConfigBuilder> {
  private String name;
  private Path dataDir;
  private List<URI> listenClientUrls = List.of();
  private List<URI> advertiseClientUrls = List.of();
  private List<URI> listenPeerUrls = List.of();
  private List<URI> initialAdvertisePeerUrls = List.of();
  private List<URI> listenMetricsUrls = List.of();
  private final Map<String, URI> initialCluster = new LinkedHashMap<>();
  private String initialClusterToken;
  private ClusterState initialClusterState = ClusterState.NEW;
  private Path certFile;
  private Path keyFile;
  private Path trustedCaFile;

  EtcdMemberConfigBuilder() {}

  EtcdMemberConfigBuilder(EtcdMemberConfig c) {
    name(c.name()).dataDir(c.dataDir());
    listenClientUrls(c.listenClientUrls()).advertiseClientUrls(c.advertiseClientUrls());
    listenPeerUrls(c.listenPeerUrls()).initialAdvertisePeerUrls(c.initialAdvertisePeerUrls());
    listenMetricsUrls(c.listenMetricsUrls()).initialCluster(c.initialCluster());
    initialClusterToken(c.initialClusterToken()).initialClusterState(c.initialClusterState());
    certFile(c.certFile()).keyFile(c.keyFile()).trustedCaFile(c.trustedCaFile());
    copyTuning(c);
  }

  public EtcdMemberConfigBuilder name(String name) {
    this.name = name;
    return this;
  }

  public EtcdMemberConfigBuilder dataDir(Path dataDir) {
    this.dataDir = dataDir;
    return this;
  }

  public EtcdMemberConfigBuilder listenClientUrls(List<URI> urls) {
    this.listenClientUrls = copy(urls);
    return this;
  }

  public EtcdMemberConfigBuilder listenClientUrls(URI... urls) {
    return listenClientUrls(Arrays.asList(urls));
  }

  public EtcdMemberConfigBuilder advertiseClientUrls(List<URI> urls) {
    this.advertiseClientUrls = copy(urls);
    return this;
  }

  public EtcdMemberConfigBuilder advertiseClientUrls(URI... urls) {
    return advertiseClientUrls(Arrays.asList(urls));
  }

  public EtcdMemberConfigBuilder listenPeerUrls(List<URI> urls) {
    this.listenPeerUrls = copy(urls);
    return this;
  }

  public EtcdMemberConfigBuilder listenPeerUrls(URI... urls) {
    return listenPeerUrls(Arrays.asList(urls));
  }

  public EtcdMemberConfigBuilder initialAdvertisePeerUrls(List<URI> urls) {
    this.initialAdvertisePeerUrls = copy(urls);
    return this;
  }

  public EtcdMemberConfigBuilder initialAdvertisePeerUrls(URI... urls) {
    return initialAdvertisePeerUrls(Arrays.asList(urls));
  }

  /** Plain-HTTP listeners for {@code /health} and {@code /metrics}; none by default. */
  public EtcdMemberConfigBuilder listenMetricsUrls(List<URI> urls) {
    this.listenMetricsUrls = copy(urls);
    return this;
  }

  public EtcdMemberConfigBuilder listenMetricsUrls(URI... urls) {
    return listenMetricsUrls(Arrays.asList(urls));
  }

  /** Replaces the initial cluster with {@code members}, keeping their iteration order. */
  public EtcdMemberConfigBuilder initialCluster(Map<String, URI> members) {
    initialCluster.clear();
    if (members != null) {
      initialCluster.putAll(members);
    }
    return this;
  }

  /** Appends one member to the initial cluster. */
  public EtcdMemberConfigBuilder addInitialClusterMember(String memberName, URI peerUrl) {
    initialCluster.put(memberName, peerUrl);
    return this;
  }

  public EtcdMemberConfigBuilder initialClusterToken(String token) {
    this.initialClusterToken = token;
    return this;
  }

  public EtcdMemberConfigBuilder initialClusterState(ClusterState state) {
    this.initialClusterState = state;
    return this;
  }

  public EtcdMemberConfigBuilder certFile(Path certFile) {
    this.certFile = certFile;
    return this;
  }

  public EtcdMemberConfigBuilder keyFile(Path keyFile) {
    this.keyFile = keyFile;
    return this;
  }

  public EtcdMemberConfigBuilder trustedCaFile(Path trustedCaFile) {
    this.trustedCaFile = trustedCaFile;
    return this;
  }

  @Override
  EtcdMemberConfigBuilder self() {
    return this;
  }

  /** Checks every field and returns the immutable config; the first bad field is named. */
  public EtcdMemberConfig build() {
    EtcdMemberConfig config =
        new EtcdMemberConfig(
            name, dataDir, listenClientUrls, advertiseClientUrls, listenPeerUrls,
            initialAdvertisePeerUrls, listenMetricsUrls, initialCluster, initialClusterToken,
            initialClusterState, certFile, keyFile, trustedCaFile, snapshotCount,
            heartbeatIntervalMs, electionTimeoutMs, maxSnapshots, maxWals, strictReconfigCheck,
            quotaBackendBytes, autoCompactionRetention, logger, logOutputs);
    MemberConfigValidator.validate(config);
    return config;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : new ArrayList<>(list);
  }
}
