package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.backup.Compression;
import io.etcdwarden.backup.SnapshotArchiver;
import io.etcdwarden.backup.SnapshotProgress;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.installer.local.LocalCluster;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.testkit.EtcdUnderTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive taken from a member running etcd 3.4 restores on 3.5, 3.6 and 3.7 (with etcdutl,
 * as the target's version decides): the drill passes, and a member of the newer version
 * restored from it serves exactly the source's keys and values. The way back, an archive of
 * the newer member into the 3.4 one, is refused unless forced.
 */
class RestoreAcrossVersionsIT {
  private static final Duration START = Duration.ofSeconds(30);
  @TempDir Path tmp;
  private LocalCluster source;
  private LocalCluster target;

  @AfterEach
  void stopClusters() {
    for (LocalCluster c : new LocalCluster[] {source, target}) {
      if (c != null) {
        c.delete();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = EtcdLine.class, names = {"V3_5", "V3_6", "V3_7"})
  void anArchiveOfEtcd34RestoresOnANewerLine(EtcdLine line) throws Exception {
    source = LocalCluster.create(tmp.resolve("source"), 1,
        EtcdUnderTest.folder(EtcdLine.V3_4).resolve("etcd"));
    source.startAll(START);
    Map<String, String> written;
    Path store = tmp.resolve("store");
    java.nio.file.Files.createDirectories(store);
    String archive;
    try (EtcdClients clients = new EtcdClients(target(source))) {
      KV kv = clients.cluster().getKVClient();
      for (int i = 0; i < 120; i++) {
        kv.put(bytes("/cross/k" + i), bytes("value-" + i + "-" + "x".repeat(i % 40))).get();
      }
      for (int i = 0; i < 10; i++) {
        kv.delete(bytes("/cross/k" + i)).get();
      }
      written = keys(clients);
      archive = new SnapshotArchiver(clients, target(source), Clock.systemUTC(), tmp, "test")
          .archive(SnapshotStores.open(URI.create("file://" + store + "?allow-non-mount=true")),
              Optional.empty(), Compression.GZIP, SnapshotProgress.NONE).published().name();
    }
    assertThat(written).hasSize(110);
    Path newer = EtcdUnderTest.folder(line);
    Map<String, String> env = Map.of("PATH", newer + ":" + System.getenv("PATH"),
        "ETCD_BIN", newer.resolve("etcd").toString());
    Path file = store.resolve(archive);

    SnapshotDrill.Outcome drill = new SnapshotDrill(env, tmp).run(file.toString(),
        Optional.empty(), false, false);

    assertThat(drill.problem()).isEmpty();
    assertThat(drill.keys()).isEqualTo(written.size());

    target = LocalCluster.create(tmp.resolve("target"), 1, newer.resolve("etcd"));
    target.startAll(START);
    RestorePlan plan = new RestorePreflight(Clock.systemUTC(), FreeSpace.ofFileSystem())
        .prepare(request(file, target, env, false));
    assertThat(plan.restoreCommand().get(0)).isEqualTo(newer.resolve("etcdutl").toString());
    new SingleMemberRestore(START).execute(plan, progress -> { });
    try (EtcdClients clients = new EtcdClients(target(target))) {
      assertThat(keys(clients)).isEqualTo(written);
    }

    // The way back: the newer member's archive is refused by the 3.4 member unless forced.
    String back;
    try (EtcdClients clients = new EtcdClients(target(target))) {
      back = new SnapshotArchiver(clients, target(target), Clock.systemUTC(), tmp, "test")
          .archive(SnapshotStores.open(URI.create("file://" + store + "?allow-non-mount=true")),
              Optional.empty(), Compression.ZSTD, SnapshotProgress.NONE).published().name();
    }
    Path backFile = store.resolve(back);
    Map<String, String> oldEnv = Map.of("PATH", System.getenv("PATH"));
    assertThatThrownBy(() -> new RestorePreflight(Clock.systemUTC(), FreeSpace.ofFileSystem())
        .prepare(request(backFile, source, oldEnv, false)))
        .hasMessageContaining("newer line than etcd 3.4.")
        .hasMessageContaining("--allow-older-etcd")
        .hasMessageNotContaining("\n");
    RestorePlan forced = new RestorePreflight(Clock.systemUTC(), FreeSpace.ofFileSystem())
        .prepare(request(backFile, source, oldEnv, true));
    assertThat(forced.restoreCommand().get(0)).endsWith("/etcdctl");
    forced.discard();
    assertThat(forced.archive().dbFile()).doesNotExist();
  }

  private static RestoreRequest request(Path archive, LocalCluster into, Map<String, String> env,
      boolean allowOlder) {
    return new RestoreRequest(archive.toString(), Optional.empty(), Optional.empty(),
        Optional.of(into.members().get(0).dir()), Optional.empty(), Optional.empty(), true, false,
        false, START, env, allowOlder, Optional.empty());
  }

  private static EtcdTarget target(LocalCluster cluster) {
    return new EtcdTarget(cluster.clientUrls(), Optional.of(cluster.caCert()),
        Optional.of(cluster.clientCert()), Optional.of(cluster.clientKey()),
        Duration.ofSeconds(5), Map.of());
  }

  private static Map<String, String> keys(EtcdClients clients) throws Exception {
    Map<String, String> all = new TreeMap<>();
    clients.cluster().getKVClient().get(bytes("/cross/"), GetOption.builder().isPrefix(true)
        .build()).get().getKvs().forEach(kv -> all.put(kv.getKey().toString(StandardCharsets.UTF_8),
        kv.getValue().toString(StandardCharsets.UTF_8)));
    return all;
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
