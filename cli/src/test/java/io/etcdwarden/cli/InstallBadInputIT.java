package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mistake an operator can make with {@code install} ends with exit 2, one line naming what
 * to fix, and nothing installed: no member folder content, no process, no CA created.
 */
class InstallBadInputIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));

  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = InstalledMembers.oneMemberIn(() -> tmp);

  @Test
  void corruptTarballIsRefused() throws Exception {
    Path corrupt = Files.write(tmp.resolve("etcd-v3.4.23-linux-amd64.tar.gz"),
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5});
    assertRefusedCleanly(fixture().installArgs(0, "--release", corrupt.toString()),
        "is not a readable .tar.gz");
  }

  @Test
  void wrongChecksumIsRefused() throws Exception {
    Path release = fixture().release();
    assertRefusedCleanly(fixture().installArgs(0, "--release", release.toString(),
        "--release-sha256", "00".repeat(32)), "not the --release-sha256 given");
  }

  @Test
  void wrongArchitectureFolderIsRefused() throws Exception {
    Path arm = fixture().tarball("arm64", Map.of("etcd", Path.of("/usr/bin/etcd"),
        "etcdctl", Path.of("/usr/bin/etcdctl")));
    assertRefusedCleanly(fixture().installArgs(0, "--release", arm.toString()), "linux-arm64");
  }

  @Test
  void nonElfBinaryIsRefused() throws Exception {
    Path script = Files.writeString(tmp.resolve("fake-etcd"), "#!/bin/sh\nexit 0\n");
    Path release = fixture().tarball("amd64", Map.of("etcd", script,
        "etcdctl", Path.of("/usr/bin/etcdctl")));
    assertRefusedCleanly(fixture().installArgs(0, "--release", release.toString()),
        "etcd in " + release + " is not an ELF executable");
  }

  @Test
  void tarballWithoutEtcdctlIsRefused() throws Exception {
    Path release = fixture().tarball("amd64", Map.of("etcd", Path.of("/usr/bin/etcd")));
    assertRefusedCleanly(fixture().installArgs(0, "--release", release.toString()),
        "holds no etcdctl");
  }

  @Test
  void nonEmptyDataDirIsRefusedAndKept() throws Exception {
    Path precious = Files.createDirectories(fixture().dataDir(0)).resolve("precious");
    Files.writeString(precious, "data");
    CliRun run = CliRun.run(ENV, fixture().installArgs(0, "--etcd-bin", "/usr/bin"));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip()).contains("--data-dir", "is not empty").doesNotContain("\n");
    assertThat(Files.readString(precious)).isEqualTo("data");
  }

  @Test
  void portInUseIsNamed() throws Exception {
    try (ServerSocket busy = new ServerSocket(fixture().ports.get(0)[0], 1,
        InetAddress.getByName("127.0.0.1"))) {
      assertRefusedCleanly(fixture().installArgs(0, "--etcd-bin", "/usr/bin"),
          "--port " + busy.getLocalPort() + ": port " + busy.getLocalPort());
      CliRun again = CliRun.run(ENV, fixture().installArgs(0, "--etcd-bin", "/usr/bin"));
      assertThat(again.err()).contains("in use by ", "(pid " + ProcessHandle.current().pid() + ")");
    }
  }

  @Test
  void advertiseAddressOfAnotherHostIsRefused() throws Exception {
    assertRefusedCleanly(fixture().installArgs(0, "--etcd-bin", "/usr/bin",
        "--advertise", "192.0.2.10"), "is not an address of this host");
  }

  @Test
  void initialClusterWithoutThisMemberIsRefused() throws Exception {
    String[] args = fixture().installArgs(0, "--etcd-bin", "/usr/bin");
    String only = fixture().initialCluster();
    for (int i = 0; i < args.length; i++) {
      args[i] = args[i].equals(only) ? "other=https://127.0.0.1:" + fixture().ports.get(0)[1]
          : args[i];
    }
    assertRefusedCleanly(args, "--initial-cluster does not contain --name etcd0");
  }

  @Test
  void caCertificateWithoutItsKeyIsRefused() throws Exception {
    Files.createDirectories(fixture().ca);
    Files.writeString(fixture().ca.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n");
    assertRefusedCleanly(fixture().installArgs(0, "--etcd-bin", "/usr/bin"),
        "CA key " + fixture().ca.resolve("ca.key") + " is missing");
  }

  @Test
  void etcdThatDiesAtStartIsRolledBack() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path fake = Files.writeString(bin.resolve("etcd"), "#!/bin/sh\n"
        + "if [ \"$1\" = --version ]; then echo 'etcd Version: 3.7.3'; exit 0; fi\n"
        + "echo 'fatal: disk on fire'\nexit 1\n");
    fake.toFile().setExecutable(true);
    CliRun run = CliRun.run(ENV, fixture().installArgs(0, "--etcd-bin", bin.toString()));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("etcd exited", "disk on fire");
    assertNothingInstalled();
  }

  @Test
  void etcdOfAnUnsupportedLineIsRefusedBeforeAnythingChanges() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path old = Files.writeString(bin.resolve("etcd"), "#!/bin/sh\n"
        + "echo 'etcd Version: 3.3.27'\necho 'Git SHA: 1a2b3c'\n");
    old.toFile().setExecutable(true);
    assertRefusedCleanly(fixture().installArgs(0, "--etcd-bin", bin.toString()),
        "--etcd-bin " + bin + ": etcd 3.3 is not supported by this etcd-warden (supported: 3.4");
  }

  private void assertRefusedCleanly(String[] args, String expected) throws Exception {
    CliRun run = CliRun.run(ENV, args);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(expected);
    assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    assertNothingInstalled();
  }

  private void assertNothingInstalled() throws Exception {
    assertThat(fixture().pid(0)).isEmpty();
    if (Files.exists(fixture().dataDir(0))) {
      try (Stream<Path> entries = Files.list(fixture().dataDir(0))) {
        assertThat(entries).isEmpty();
      }
    }
    assertThat(fixture().ca.resolve("ca.key")).doesNotExist();
    assertThat(fixture().prefix.resolve("current")).doesNotExist();
  }

  private InstallFixture fixture() {
    return installs.fixture();
  }
}
