package io.etcdwarden.installer.testsupport;

import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.installer.config.EtcdConfigRenderer;
import io.etcdwarden.installer.config.EtcdConfigWriter;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.config.EtcdMemberConfigBuilder;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.installer.process.EtcdBinary;
import io.etcdwarden.installer.process.EtcdProcess;
import io.etcdwarden.installer.process.EtcdVersionProbe;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A one-member etcd cluster with mutual TLS on free loopback ports, laid out in a test's
 * temporary directory the way the installer lays out a real member: a CA, the member's
 * certificate, a config file rendered for the line of the etcd under test (ETCD_BIN or PATH).
 * Starting it is left to the test.
 */
public final class SingleMemberEtcd {
  public static final String MEMBER = "m1";

  private final Path dir;
  private final Pki pki;
  private final CertFiles credentials;
  private final EtcdMemberConfig config;
  private final Path configFile;
  private final EtcdLine line;

  private SingleMemberEtcd(Path dir, Pki pki, CertFiles credentials, EtcdMemberConfig config,
      Path configFile, EtcdLine line) {
    this.line = line;
    this.dir = dir;
    this.pki = pki;
    this.credentials = credentials;
    this.config = config;
    this.configFile = configFile;
  }

  /** Lays out a member in {@code dir} with the default settings. */
  public static SingleMemberEtcd prepare(Path dir) {
    return prepare(dir, UnaryOperator.identity());
  }

  /** Lays out a member in {@code dir}, letting {@code tweak} change the config first. */
  public static SingleMemberEtcd prepare(Path dir, UnaryOperator<EtcdMemberConfigBuilder> tweak) {
    Pki pki = Pki.createCa(dir.resolve("pki"), "etcd-warden test CA", Duration.ofDays(2));
    CertFiles credentials =
        pki.issueMember(MEMBER, List.of("127.0.0.1"), dir.resolve("pki"), Duration.ofDays(1));
    URI client = URI.create("https://127.0.0.1:" + FreePorts.next());
    URI peer = URI.create("https://127.0.0.1:" + FreePorts.next());
    URI metrics = URI.create("http://127.0.0.1:" + FreePorts.next());
    EtcdMemberConfigBuilder builder =
        EtcdMemberConfig.builder()
            .name(MEMBER)
            .dataDir(dir.resolve("data"))
            .listenClientUrls(client)
            .advertiseClientUrls(client)
            .listenPeerUrls(peer)
            .initialAdvertisePeerUrls(peer)
            .listenMetricsUrls(metrics)
            .addInitialClusterMember(MEMBER, peer)
            .initialClusterToken(EtcdMemberConfig.randomClusterToken())
            .certFile(credentials.cert())
            .keyFile(credentials.key())
            .trustedCaFile(credentials.ca())
            // Small, so that tests never wait on a big WAL replay.
            .snapshotCount(1000);
    EtcdMemberConfig config = tweak.apply(builder).build();
    EtcdLine line = new EtcdVersionProbe()
        .supported(EtcdBinary.locate(System.getenv()), "etcd under test").line();
    Path configFile =
        new EtcdConfigWriter()
            .write(dir.resolve("etcd.yaml"), new EtcdConfigRenderer(line).render(config));
    return new SingleMemberEtcd(dir, pki, credentials, config, configFile, line);
  }

  /** Launches etcd (found via ETCD_BIN or PATH) with this member's config. */
  public EtcdProcess start() {
    return EtcdProcess.start(EtcdBinary.locate(System.getenv()), configFile, logFile());
  }

  /** The etcd line the config was rendered for. */
  public EtcdLine line() {
    return line;
  }

  public Path logFile() {
    return dir.resolve("etcd.log");
  }

  public URI healthUrl() {
    return config.listenMetricsUrls().get(0).resolve("/health");
  }

  public URI clientUrl() {
    return config.listenClientUrls().get(0);
  }

  public URI peerUrl() {
    return config.listenPeerUrls().get(0);
  }

  public Pki pki() {
    return pki;
  }

  public CertFiles credentials() {
    return credentials;
  }

  public EtcdMemberConfig config() {
    return config;
  }

  public Path configFile() {
    return configFile;
  }
}
