package io.etcdwarden.installer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.process.EtcdProcess;
import io.etcdwarden.installer.testsupport.SingleMemberEtcd;
import io.etcdwarden.installer.testsupport.TlsClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log of a member started on etcd 3.5 holds v2-format entries (3.5 publishes its
 * attributes that way), which etcd 3.7 cannot replay; once the member, now on 3.6, has saved a
 * raft snapshot past them, none is left. Real etcd 3.5 and 3.6 on one data dir.
 */
class WalV2EntriesIT {
  private static final Duration START = Duration.ofSeconds(60);
  @TempDir Path tmp;

  @Test
  void entriesWrittenBy3_5LeaveTheReplayWindowWithTheFirstSnapshotOn3_6() throws Exception {
    SingleMemberEtcd member = SingleMemberEtcd.prepare(tmp, b -> b.snapshotCount(100));
    Path dataDir = member.config().dataDir();
    try (EtcdProcess etcd = EtcdProcess.start(binary("3.5"), member.configFile(),
        member.logFile())) {
      etcd.awaitHealthy(member.healthUrl(), START);
      put(member, "written-by-3.5");
      etcd.stop(EtcdProcess.CLOSE_GRACE);
    }
    assertThat(WalV2Entries.afterNewestSnapshot(dataDir)).isPositive();

    try (EtcdProcess etcd = EtcdProcess.start(binary("3.6"), member.configFile(),
        member.logFile())) {
      etcd.awaitHealthy(member.healthUrl(), START);
      for (int i = 0; i < 150; i++) {
        put(member, "written-by-3.6-" + i);
      }
      long deadline = System.nanoTime() + START.toNanos();
      while (WalV2Entries.afterNewestSnapshot(dataDir) > 0 && System.nanoTime() < deadline) {
        put(member, "one-more");
      }
      etcd.stop(EtcdProcess.CLOSE_GRACE);
    }
    try (Stream<Path> snaps = Files.list(dataDir.resolve("member/snap"))) {
      assertThat(snaps.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".snap"));
    }
    assertThat(WalV2Entries.afterNewestSnapshot(dataDir)).isZero();
  }

  private static Path binary(String line) {
    String dir = System.getProperty("etcd.dir." + line);
    assertThat(dir).as("etcd.dir." + line + " (testkit/etcd-versions fetch " + line + ")")
        .isNotNull();
    return Path.of(dir, "etcd");
  }

  /** One put through etcd's JSON gateway, with the member's own certificate. */
  private static void put(SingleMemberEtcd member, String key) throws Exception {
    HttpClient http = TlsClients.mutual(member.credentials());
    String body = "{\"key\":\"" + base64(key) + "\",\"value\":\"" + base64("v") + "\"}";
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
        URI.create(member.clientUrl() + "/v3/kv/put")).timeout(Duration.ofSeconds(5))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
