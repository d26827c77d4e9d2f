package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install} as configuration management runs it, again and again: the same arguments on a
 * host where the member runs do nothing (exit 0, same process); a changed {@code
 * --quota-backend-bytes} is shown and left alone until {@code --apply}, which restarts the member
 * once and etcd then enforces the new quota (its own {@code etcd_server_quota_backend_bytes});
 * a changed initial cluster, name or data dir is refused in one line.
 */
class InstallTwiceIT {
  private static final String OLD_QUOTA = "33554432";
  private static final String NEW_QUOTA = "67108864";

  @TempDir java.nio.file.Path tmp;
  @RegisterExtension final InstalledMembers installs = InstalledMembers.oneMemberIn(() -> tmp);

  @Test
  void theSameArgumentsChangeNothingAndAChangedQuotaWaitsForApply() throws Exception {
    assertThat(install(OLD_QUOTA).exitCode()).isZero();
    long pid = fixture().pid(0).orElseThrow();

    CliRun again = install(OLD_QUOTA);
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("nothing to do");
    assertThat(fixture().pid(0)).contains(pid);
    assertThat(quota()).isEqualTo(Long.parseLong(OLD_QUOTA));

    CliRun shown = install(NEW_QUOTA);
    assertThat(shown.exitCode()).as(shown.toString()).isEqualTo(1);
    assertThat(shown.out()).contains("quota-backend-bytes: " + OLD_QUOTA + " -> " + NEW_QUOTA)
        .contains("--apply");
    assertThat(fixture().pid(0)).contains(pid);
    assertThat(quota()).isEqualTo(Long.parseLong(OLD_QUOTA));

    CliRun applied = install(NEW_QUOTA, "--apply");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.out()).contains("restarted once");
    long restarted = fixture().pid(0).orElseThrow();
    assertThat(restarted).isNotEqualTo(pid);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(
        java.util.Optional.of(true));
    assertThat(quota()).isEqualTo(Long.parseLong(NEW_QUOTA));

    CliRun settled = install(NEW_QUOTA, "--apply");
    assertThat(settled.exitCode()).as(settled.toString()).isZero();
    assertThat(settled.out()).contains("nothing to do");
    assertThat(fixture().pid(0)).contains(restarted);
  }

  @Test
  void aNewInitialClusterNameOrDataDirIsRefusedInOneLine() throws Exception {
    assertThat(install(OLD_QUOTA).exitCode()).isZero();
    long pid = fixture().pid(0).orElseThrow();
    String[] args = fixture().installArgs(0, "--etcd-bin", InstallFixture.etcdBin());
    String cluster = fixture().initialCluster();

    String[] grown = replace(args, cluster, cluster + ",etcd5=https://127.0.0.1:1");
    CliRun refused = CliRun.run(Map.of(), withQuota(grown));
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err().strip().lines()).hasSize(1)
        .allMatch(l -> l.contains("cannot change initial-cluster"));

    // --name etcd7 and etcd7 in --initial-cluster, in etcd0's --data-dir.
    String[] renamed = replace(args, "etcd0", "etcd7");
    CliRun rename = CliRun.run(Map.of(), withQuota(renamed));
    assertThat(rename.exitCode()).as(rename.toString()).isEqualTo(2);
    assertThat(rename.err().strip().lines()).hasSize(1)
        .allMatch(l -> l.contains("holds member etcd0, not etcd7"));

    String[] moved = replace(args, fixture().dataDir(0).toString(),
        fixture().dataDir(0).resolveSibling("elsewhere").toString());
    CliRun move = CliRun.run(Map.of(), withQuota(moved));
    assertThat(move.exitCode()).as(move.toString()).isEqualTo(2);
    assertThat(move.err().strip().lines()).hasSize(1)
        .allMatch(l -> l.contains("--data-dir cannot change in place"));
    assertThat(fixture().pid(0)).contains(pid);
  }

  @Test
  void aMemberThatDiedIsStartedByTheSameArguments() throws Exception {
    assertThat(install(OLD_QUOTA).exitCode()).isZero();
    ProcessHandle member = ProcessHandle.of(fixture().pid(0).orElseThrow()).orElseThrow();
    member.destroyForcibly();
    member.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);

    CliRun again = install(OLD_QUOTA);
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("has been started");
    assertThat(fixture().pid(0).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive))
        .contains(true);
    assertThat(quota()).isEqualTo(Long.parseLong(OLD_QUOTA));
  }

  private CliRun install(String quota, String... extra) {
    String[] args = fixture().installArgs(0, "--etcd-bin", InstallFixture.etcdBin(),
        "--quota-backend-bytes", quota);
    String[] all = Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CliRun.run(Map.of(), all);
  }

  private static String[] withQuota(String[] args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--quota-backend-bytes";
    all[args.length + 1] = OLD_QUOTA;
    return all;
  }

  /** {@code args} with every argument equal to {@code from}, and every "from=", replaced. */
  private static String[] replace(String[] args, String from, String to) {
    return Arrays.stream(args).map(a -> a.equals(from) ? to : a.replace(from + "=", to + "="))
        .toArray(String[]::new);
  }

  /** The quota etcd enforces, as its own metric reports it. */
  private long quota() throws Exception {
    URI metrics = URI.create("http://127.0.0.1:" + fixture().ports.get(0)[2] + "/metrics");
    HttpURLConnection http = (HttpURLConnection) metrics.toURL().openConnection();
    try (InputStream in = http.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith("etcd_server_quota_backend_bytes "))
          .mapToLong(l -> (long) Double.parseDouble(l.split(" ")[1])).findFirst()
          .orElseThrow(() -> new AssertionError("no etcd_server_quota_backend_bytes"));
    } finally {
      http.disconnect();
    }
  }

  private InstallFixture fixture() {
    return installs.fixture();
  }
}
