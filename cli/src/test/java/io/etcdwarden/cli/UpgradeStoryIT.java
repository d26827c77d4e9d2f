package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.installer.files.Sha256;
import io.etcdwarden.testkit.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's upgrade story: a three-member TLS cluster installed at 3.5 is carried host by
 * host to 3.6 (from a release tarball) and then to 3.7 (from a folder) with {@code etcd-warden
 * upgrade}, while a client writes one key every 20 ms to all endpoints. Every acknowledged write
 * is readable afterwards, no write failed for longer than one member's restart, the cluster
 * version is the new minor and {@code check cluster} is OK. Prints each step's restart time.
 */
class UpgradeStoryIT {
  private static final Pattern AWAY = Pattern.compile("it was away (\\d+) ms");
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  private UpgradeFixture fixture;

  @Test
  void aClusterMovesHostByHostFrom3_5To3_6To3_7WithoutLosingAnAcknowledgedWrite()
      throws Exception {
    fixture = new UpgradeFixture(installs, tmp);
    fixture.installAll(EtcdLine.V3_5);
    for (int i = 0; i < 3; i++) {
      // An operator's tuning, which upgrade carries over: each member saves a raft snapshot
      // every 1000 entries, so that on 3.6 it soon leaves 3.5's v2 WAL entries behind.
      Path config = fixture.install.dataDir(i).resolve("etcd.yaml");
      Files.writeString(config, Files.readString(config)
          .replaceFirst("(?m)^snapshot-count: \\d+$", "snapshot-count: 1000"));
    }
    Path release36 = fixture.release(EtcdLine.V3_6, false);
    List<Long> restarts = new ArrayList<>();
    try (EtcdClients clients = new EtcdClients(fixture.target());
        PacedWriter writer = new PacedWriter(clients.cluster().getKVClient(), 20_000,
            Duration.ofMinutes(8))) {
      for (int i = 0; i < 3; i++) {
        CliRun run = fixture.upgrade(i, "--release", release36.toString(), "--release-sha256",
            Sha256.hex(release36), i == 0 ? "--snapshot-first" : "--backup-max-age=1h");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        restarts.add(away(run));
        if (i < 2) {
          assertThat(run.out()).contains("next: run the same etcd-warden upgrade on");
        } else {
          assertThat(run.out()).contains("cluster version 3.6;", "upgrade to 3.6 is complete");
        }
      }
      assertThat(fixture.clusterVersion(0)).contains("\"etcdcluster\":\"3.6.0\"");
      String bin37 = io.etcdwarden.testkit.EtcdUnderTest.folder(EtcdLine.V3_7).toString();
      for (int i = 0; i < 3; i++) {
        awaitPreflight(i, "--etcd-bin", bin37);
        CliRun run = fixture.upgrade(i, "--etcd-bin", bin37);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        restarts.add(away(run));
      }
      writer.close();

      Map<String, String> acknowledged = writer.acknowledged();
      Map<String, String> stored = new HashMap<>();
      for (KeyValue kv : clients.cluster().getKVClient().get(PacedWriter.bytes(PacedWriter.PREFIX),
          GetOption.builder().isPrefix(true).build()).get(10, TimeUnit.SECONDS).getKvs()) {
        stored.put(kv.getKey().toString(), kv.getValue().toString());
      }
      long longestRestart = restarts.stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf("upgrade story: restarts (stop to healthy, ms) %s; %d writes"
          + " acknowledged, %d failed, longest failing gap %d ms%n", restarts,
          acknowledged.size(), writer.failures(), writer.longestFailingGap().toMillis());
      assertThat(acknowledged).hasSizeGreaterThan(500);
      assertThat(stored).containsAllEntriesOf(acknowledged);
      assertThat(writer.longestFailingGap().toMillis()).isLessThanOrEqualTo(longestRestart);
    }
    assertThat(fixture.clusterVersion(1)).contains("\"etcdcluster\":\"3.7.0\"");
    List<String> check = new ArrayList<>(List.of("check", "cluster"));
    check.addAll(fixture.targetArgs());
    CliRun checked = CliRun.run(UpgradeFixture.ENV, check.toArray(String[]::new));
    assertThat(checked.exitCode()).as(checked.toString()).isZero();
  }

  /**
   * Polls {@code upgrade --dry-run} (bounded, 180 s) until its preflight passes: on 3.6 a member
   * is refused for 3.7 until it has saved a raft snapshot past 3.5's v2 WAL entries.
   */
  private void awaitPreflight(int member, String... flags) {
    String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--dry-run"),
        java.util.stream.Stream.of(flags)).toArray(String[]::new);
    CliRun last = Await.until(Duration.ofSeconds(180),
        "a preflight no longer refused for 3.5's v2 WAL entries",
        () -> fixture.upgrade(member, args),
        run -> run.exitCode() == 0 || !run.err().contains("v2 format"));
    assertThat(last.exitCode()).as(last.toString()).isZero();
  }

  private static long away(CliRun run) {
    Matcher m = AWAY.matcher(run.out());
    assertThat(m.find()).as(run.toString()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
