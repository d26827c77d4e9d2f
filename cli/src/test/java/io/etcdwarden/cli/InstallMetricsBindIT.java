package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install --metrics-bind HOST}: etcd's plain-HTTP {@code /health} and {@code /metrics}
 * move from 127.0.0.1 to that address of the host (127.0.0.2 here stands for the address a
 * Prometheus on another host scrapes), and an address that is not this host's is refused
 * before anything is installed.
 */
class InstallMetricsBindIT {
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = InstalledMembers.oneMemberIn(() -> tmp);

  @Test
  void metricsAnswerOnTheBoundAddressOnly() throws Exception {
    int port = fixture().ports.get(0)[2];
    CliRun install = CliRun.run(Map.of(), fixture().installArgs(0, "--etcd-bin",
        InstallFixture.etcdBin(), "--metrics-bind", "127.0.0.2"));
    assertThat(install.exitCode()).as(install.toString()).isZero();

    String metrics = get(URI.create("http://127.0.0.2:" + port + "/metrics"));
    assertThat(metrics).contains("etcd_server_has_leader 1");
    assertThat(refused(URI.create("http://127.0.0.1:" + port + "/metrics"))).isTrue();
  }

  @Test
  void anAddressOfAnotherHostIsRefused() throws Exception {
    CliRun install = CliRun.run(Map.of(), fixture().installArgs(0, "--etcd-bin",
        InstallFixture.etcdBin(), "--metrics-bind", "192.0.2.10"));
    assertThat(install.exitCode()).isEqualTo(2);
    assertThat(install.err()).contains("--metrics-bind");
    assertThat(Files.exists(fixture().dataDir(0).resolve("etcd.yaml"))).isFalse();
  }

  private static String get(URI uri) throws IOException {
    HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
    try (InputStream in = http.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      http.disconnect();
    }
  }

  private static boolean refused(URI uri) {
    try {
      get(uri);
      return false;
    } catch (java.net.ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private InstallFixture fixture() {
    return installs.fixture();
  }
}
