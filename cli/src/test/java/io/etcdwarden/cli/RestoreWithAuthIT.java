package io.etcdwarden.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdAuthFixture;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore on a cluster with {@code auth enable}: the member's own certificate (CN etcd0) is no
 * etcd user, so restore asks the restored member as the etcd user the operator names, and its
 * probe (members, revision, key count) passes.
 */
class RestoreWithAuthIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path tmp;

  @Test
  void restoreAsRootProbesTheRestoredMemberAndItServesTheSnapshotsKeys() throws Exception {
    EtcdAuthFixture auth = EtcdAuthFixture.enable(etcd);
    put(auth, "/etcd-warden/test/before");
    Path store = Files.createDirectory(tmp.resolve("store"));
    Map<String, String> asRoot = new HashMap<>(etcd.etcdctlEnvironment());
    asRoot.put("ETCDCTL_USER", EtcdAuthFixture.ROOT);
    asRoot.put("ETCDCTL_PASSWORD", EtcdAuthFixture.ROOT_PASSWORD);
    asRoot.put("PATH", System.getenv("PATH"));
    CliRun snapshot = CliRun.run(asRoot, "snapshot", "--target", "file://" + store,
        "--allow-non-mount");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    put(auth, "/etcd-warden/test/after");

    CliRun restore = CliRun.run(asRoot, "restore", "--yes", "--skip-backup", "--from",
        field(snapshot.out(), "snapshot.path"), "--data-dir", etcd.member(0).dir().toString());

    assertThat(restore.exitCode()).as(restore.toString()).isZero();
    assertThat(count(auth, "/etcd-warden/test/before")).isEqualTo(1);
    assertThat(count(auth, "/etcd-warden/test/after")).isZero();
  }

  private static void put(EtcdAuthFixture auth, String key) throws Exception {
    try (EtcdClients clients = new EtcdClients(warden(auth))) {
      clients.cluster().getKVClient().put(bytes(key), bytes("v")).get(10, TimeUnit.SECONDS);
    }
  }

  private static long count(EtcdAuthFixture auth, String key) throws Exception {
    try (EtcdClients clients = new EtcdClients(warden(auth))) {
      return clients.cluster().getKVClient().get(bytes(key)).get(10, TimeUnit.SECONDS).getCount();
    }
  }

  private static io.etcdwarden.core.endpoint.EtcdTarget warden(EtcdAuthFixture auth) {
    return auth.as(EtcdAuthFixture.WARDEN, EtcdAuthFixture.WARDEN_PASSWORD)
        .withTimeout(java.time.Duration.ofSeconds(10));
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, UTF_8);
  }

  private static String field(String out, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (.*)$").matcher(out);
    assertThat(m.find()).as(key + " in\n" + out).isTrue();
    return m.group(1);
  }
}
