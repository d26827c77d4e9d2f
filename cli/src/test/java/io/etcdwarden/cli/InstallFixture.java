package io.etcdwarden.cli;

import io.etcdwarden.installer.local.FreePorts;
import io.etcdwarden.testkit.EtcdUnderTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the install tests share: an upstream-layout release tarball built from the binaries of the
 * etcd under test (each supported line in the build's matrix), free loopback ports, the install
 * command line of member i, a way to run etcdctl and to see its exit code, and a last-resort kill
 * of every member whose pid file remains.
 */
final class InstallFixture {
  /** The release tag of the etcd under test, as upstream names its tarball folder. */
  static String version() {
    return "v" + EtcdUnderTest.version();
  }

  /** The folder holding the etcd under test, for {@code --etcd-bin}. */
  static String etcdBin() {
    return EtcdUnderTest.etcd().getParent().toString();
  }

  final Path root;
  final Path ca;
  final Path prefix;
  final List<int[]> ports = new ArrayList<>();
  /** How many members the static bootstrap lists; the others are for member add. */
  int initialMembers;

  InstallFixture(Path root, int members) throws IOException {
    this.initialMembers = members;
    this.root = root;
    this.ca = root.resolve("ca");
    this.prefix = root.resolve("opt");
    List<Integer> free = FreePorts.loopback(3 * members);
    for (int i = 0; i < members; i++) {
      ports.add(new int[] {free.get(3 * i), free.get(3 * i + 1), free.get(3 * i + 2)});
    }
  }

  /** etcd-vX.Y.Z-linux-ARCH.tar.gz holding {@code files} (name → source) in upstream layout. */
  Path tarball(String arch, Map<String, Path> files) throws Exception {
    String top = "etcd-" + version() + "-linux-" + arch;
    Path staging = Files.createDirectories(root.resolve("release-" + arch).resolve(top));
    for (Map.Entry<String, Path> f : files.entrySet()) {
      Files.copy(f.getValue(), staging.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING);
    }
    Shell.run(staging.getParent(), "tar", "czf", top + ".tar.gz", top);
    return staging.getParent().resolve(top + ".tar.gz");
  }

  /** The release tarball of the etcd under test: etcd, etcdctl and etcdutl where it ships. */
  Path release() throws Exception {
    Path etcd = EtcdUnderTest.etcd();
    Map<String, Path> files = new HashMap<>();
    for (String name : List.of("etcd", "etcdctl", "etcdutl")) {
      if (Files.isExecutable(etcd.resolveSibling(name))) {
        files.put(name, etcd.resolveSibling(name));
      }
    }
    return tarball("amd64", files);
  }

  /** Members are named PREFIX0, PREFIX1, ...: another prefix gives a cluster other names. */
  String namePrefix = "etcd";

  String name(int i) {
    return namePrefix + i;
  }

  Path dataDir(int i) {
    return root.resolve(name(i));
  }

  String clientUrl(int i) {
    return "https://127.0.0.1:" + ports.get(i)[0];
  }

  String initialCluster() {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < initialMembers; i++) {
      entries.add(name(i) + "=https://127.0.0.1:" + ports.get(i)[1]);
    }
    return String.join(",", entries);
  }

  /**
   * The install command line of member {@code i}, plus {@code extra} flags; without {@code --ca}
   * when they bring a certificate ({@code --cert}), which refuses an explicit CA folder.
   */
  String[] installArgs(int i, String... extra) {
    List<String> args = new ArrayList<>(List.of("install", "--initial-cluster", initialCluster()));
    List<String> member = memberArgs(i);
    args.addAll(List.of(extra).contains("--cert") ? withoutCa(member) : member);
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** {@code args} without the {@code --ca} flag and its folder. */
  static List<String> withoutCa(List<String> args) {
    List<String> kept = new ArrayList<>(args);
    int at = kept.indexOf("--ca");
    if (at >= 0) {
      kept.subList(at, at + 2).clear();
    }
    return kept;
  }

  /** The flags that place member {@code i} on this host, as install and member add take them. */
  List<String> memberArgs(int i) {
    return List.of("--name", name(i), "--data-dir", dataDir(i).toString(),
        "--port", "" + ports.get(i)[0], "--management-port", "" + ports.get(i)[1],
        "--metrics-port", "" + ports.get(i)[2], "--ca", ca.toString(),
        "--service", "process", "--prefix", prefix.toString());
  }

  Optional<Long> pid(int i) {
    try {
      return Optional.of(Long.parseLong(Files.readString(dataDir(i).resolve("etcd.pid")).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** SIGKILLs every member still recorded as running, whatever a test left behind. */
  void killAll() {
    for (int i = 0; i < ports.size(); i++) {
      pid(i).flatMap(ProcessHandle::of).ifPresent(h -> {
        h.destroyForcibly();
        h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
      });
    }
  }

  /** Installs the initial members with one install call each; fails the test on any error. */
  void installAll(Map<String, String> env, String... extra) {
    for (int i = 0; i < initialMembers; i++) {
      CliRun install = CliRun.run(env, installArgs(i, extra));
      if (install.exitCode() != 0) {
        throw new AssertionError("install of " + name(i) + " failed: " + install);
      }
    }
  }

  /** Every initial member's client URL, comma-joined. */
  String endpoints() {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < initialMembers; i++) {
      urls.add(clientUrl(i));
    }
    return String.join(",", urls);
  }

  /** Packages client credentials from member 0's folder and unpacks them into a new folder. */
  Path unpackedCredentials(Map<String, String> env) throws Exception {
    Path dir = Files.createDirectories(root.resolve("client"));
    CliRun pack = CliRun.run(env, "credentials", "package", "--data-dir", dataDir(0).toString(),
        "--output", dir.resolve("creds.tar.gz").toString(), "--endpoints", endpoints());
    if (pack.exitCode() != 0) {
      throw new AssertionError("credentials package failed: " + pack);
    }
    Shell.run(dir, "tar", "xzf", "creds.tar.gz");
    return dir;
  }

  /** Runs etcdctl with the README's export lines, as an operator would paste them. */
  Exec etcdctl(Path credentials, String args) throws Exception {
    String script = "eval \"$(grep '^export ' README.txt)\" && etcdctl --dial-timeout 2s"
        + " --command-timeout 3s " + args;
    return exec(credentials, Map.of(), "bash", "-c", script);
  }

  /** Polls {@code etcdctl member list} (bounded, 60 s) until the cluster answers. */
  Exec awaitMemberList(Path credentials) throws Exception {
    return awaitSuccess(credentials, "member list");
  }

  /**
   * Polls {@code etcdctl endpoint health --cluster} (bounded, 60 s) until every member answers a
   * quorum read: a cluster that lists its members may still be electing its first leader.
   */
  Exec awaitHealthy(Path credentials) throws Exception {
    return awaitSuccess(credentials, "endpoint health --cluster");
  }

  private Exec awaitSuccess(Path credentials, String args) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    Exec last;
    do {
      last = etcdctl(credentials, args);
    } while (last.exitCode() != 0 && System.nanoTime() < deadline);
    if (last.exitCode() != 0) {
      throw new AssertionError("etcdctl " + args + " never succeeded: " + last.output());
    }
    return last;
  }

  /** Runs {@code command} in {@code dir} with extra environment; returns exit code and output. */
  static Exec exec(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true);
    Map<String, String> environment = new HashMap<>(env);
    builder.environment().keySet().removeIf(k -> k.startsWith("ETCDCTL_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " hung:\n" + output);
    }
    return new Exec(process.exitValue(), output);
  }

  /** A finished external command. */
  record Exec(int exitCode, String output) {}
}
