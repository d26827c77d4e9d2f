package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore of an encrypted archive from a volume, with the identity named in warden.yaml:
 * without an identity or with the wrong one it is refused in one line naming the recipients,
 * the member untouched; with the right one every key and value is back as it was when the
 * snapshot was taken (writes made after it are gone).
 */
@Tag("etcd-versions")
class EncryptedRestoreIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;
  @TempDir Path tmp;

  @Test
  void anEncryptedArchiveRestoresEveryKeyOnlyWithItsIdentity() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      KV kv = clients.cluster().getKVClient();
      for (int i = 0; i < 200; i++) {
        PatientPut.put(kv, "/enc/k" + i, "value-" + i + "-" + "v".repeat(i % 40));
      }
      PatientPut.put(kv, "/canary", "before"); // what RestoreFaultsIT.Before reads
    }
    Path key = tmp.resolve("restore.key");
    CliRun generated = CliRun.run(ENV, "keys", "generate", "--output", key.toString());
    assertThat(generated.exitCode()).as(generated.toString()).isZero();
    String recipient = generated.out().strip();
    Path config = Files.writeString(tmp.resolve("warden.yaml"), "backup:\n  target: file://"
        + store + "?allow-non-mount=true\n  encrypt_to: [" + recipient + "]\n");
    CliRun snapshot = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--config",
        config.toString());
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    Path archive = Path.of(RestoreMigrationIT.field(snapshot.out(), "snapshot.path"));
    assertThat(archive.toString()).endsWith(".tar.gz.age");
    Map<String, String> expected = keys();
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      PatientPut.put(clients.cluster().getKVClient(), "/enc/k7", "changed later");
      PatientPut.put(clients.cluster().getKVClient(), "/enc/late", "after the snapshot");
    }
    Path wrong = tmp.resolve("wrong.key");
    assertThat(CliRun.run(ENV, "keys", "generate", "--output", wrong.toString()).exitCode())
        .isZero();
    RestoreFaultsIT.Before before = RestoreFaultsIT.Before.of(etcd);

    for (List<String> identity : List.of(List.<String>of(), List.of("--identity",
        wrong.toString()))) {
      CliRun refused = restore(archive, identity);
      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.err().lines()).singleElement().asString().contains(recipient,
          "nothing was changed");
      before.assertUnchanged();
    }
    Path yaml = Files.writeString(tmp.resolve("restore.yaml"), "backup:\n  identity_file: "
        + key + "\n");
    CliRun restored = restore(archive, List.of("--config", yaml.toString(), "--skip-backup"));

    assertThat(restored.exitCode()).as(restored.toString()).isZero();
    assertThat(keys()).isEqualTo(expected).hasSize(200);
  }

  private static CliRun restore(Path archive, List<String> more) {
    List<String> args = new java.util.ArrayList<>(List.of("restore", "--yes", "--from",
        archive.toString(), "--data-dir", etcd.member(0).dir().toString()));
    args.addAll(more);
    return CliRun.run(ENV, args.toArray(String[]::new));
  }

  private static Map<String, String> keys() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      Map<String, String> all = new TreeMap<>();
      clients.cluster().getKVClient().get(bytes("/enc/"), GetOption.builder()
          .isPrefix(true).build()).get().getKvs().forEach(kv -> all.put(
              kv.getKey().toString(StandardCharsets.UTF_8),
              kv.getValue().toString(StandardCharsets.UTF_8)));
      return all;
    }
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
