package io.etcdwarden.cli;

import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.testkit.EtcdUnderTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the upgrade tests share: three TLS members installed in process mode from the prepared
 * etcd of one line, each with a prefix of its own (one member per host, as in production, so
 * switching one member's {@code current} link leaves the others alone), client credentials,
 * an empty backup volume, release tarballs made from prepared folders, and the upgrade command
 * line of member i.
 */
final class UpgradeFixture {
  static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));

  final InstallFixture install;
  final Path backups;
  Path credentials;

  /** The three members' fixture comes from {@code installs}, which kills them after the test. */
  UpgradeFixture(InstalledMembers installs, Path root) throws Exception {
    install = installs.cluster(root, 3);
    backups = Files.createDirectories(root.resolve("backups"));
  }

  Path prefix(int i) {
    return install.root.resolve("opt-" + i);
  }

  /** Installs the three members from the prepared etcd of {@code line}, waits for the quorum. */
  void installAll(EtcdLine line) throws Exception {
    for (int i = 0; i < 3; i++) {
      List<String> args = new ArrayList<>(List.of("install", "--initial-cluster",
          install.initialCluster()));
      List<String> member = new ArrayList<>(install.memberArgs(i));
      member.set(member.indexOf("--prefix") + 1, prefix(i).toString());
      args.addAll(member);
      args.addAll(List.of("--etcd-bin", EtcdUnderTest.folder(line).toString()));
      CliRun run = CliRun.run(ENV, args.toArray(String[]::new));
      if (run.exitCode() != 0) {
        throw new AssertionError("install of member " + i + " failed: " + run);
      }
    }
    credentials = install.unpackedCredentials(ENV);
    // Upgrade preflights survey every member: wait for health, not only a member list.
    install.awaitHealthy(credentials);
  }

  /** The flags that reach the cluster with the packaged client credentials. */
  List<String> targetArgs() {
    return List.of("--endpoints", install.endpoints(),
        "--cacert", credentials.resolve("ca.crt").toString(),
        "--cert", credentials.resolve("client.crt").toString(),
        "--key", credentials.resolve("client.key").toString());
  }

  EtcdTarget target() {
    List<URI> endpoints = Arrays.stream(install.endpoints().split(",")).map(URI::create).toList();
    return new EtcdTarget(endpoints, Optional.of(credentials.resolve("ca.crt")),
        Optional.of(credentials.resolve("client.crt")), Optional.of(credentials.resolve("client.key")),
        Duration.ofSeconds(2), Map.of());
  }

  /** {@code etcd-warden upgrade} of member {@code i} with {@code extra} flags. */
  CliRun upgrade(int i, String... extra) {
    List<String> args = new ArrayList<>(List.of("upgrade", "--data-dir",
        install.dataDir(i).toString(), "--prefix", prefix(i).toString(),
        "--target", backups.toUri().toString(), "--allow-non-mount", "--wait", "90s"));
    args.addAll(targetArgs());
    args.addAll(List.of(extra));
    return CliRun.run(ENV, args.toArray(String[]::new));
  }

  /**
   * etcd-vX.Y.Z-linux-amd64.tar.gz from the prepared folder of {@code line} (its etcd cut to
   * half its size when {@code truncated}); returns the tarball.
   */
  Path release(EtcdLine line, boolean truncated) throws Exception {
    Path folder = EtcdUnderTest.folder(line);
    String top = "etcd-v" + EtcdUnderTest.version(folder.resolve("etcd")) + "-linux-amd64";
    Path dir = Files.createDirectories(install.root.resolve("releases-" + truncated).resolve(top));
    Files.copy(folder.resolve("etcdctl"), dir.resolve("etcdctl"));
    if (truncated) {
      byte[] etcd = Files.readAllBytes(folder.resolve("etcd"));
      Files.write(dir.resolve("etcd"), Arrays.copyOf(etcd, etcd.length / 2));
    } else {
      Files.copy(folder.resolve("etcd"), dir.resolve("etcd"));
    }
    dir.resolve("etcd").toFile().setExecutable(true);
    Shell.run(dir.getParent(), "tar", "-I", "gzip -1", "-cf", top + ".tar.gz", top);
    return dir.getParent().resolve(top + ".tar.gz");
  }

  /** The cluster version etcd reports at member i's /version, read with curl. */
  String clusterVersion(int i) throws Exception {
    return Shell.run(credentials, "curl", "-sS", "--max-time", "5", "--cacert", "ca.crt",
        "--cert", "client.crt", "--key", "client.key", install.clientUrl(i) + "/version");
  }
}
