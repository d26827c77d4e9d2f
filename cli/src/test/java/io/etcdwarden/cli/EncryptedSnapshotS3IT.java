package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encrypted snapshot through S3Proxy, as the operator runs it: {@code keys generate}, then
 * {@code snapshot --recipient}; the stored object holds no trace of a marker value written
 * into etcd (while age's own CLI, given the identity, finds it); {@code snapshots verify} says
 * what it could check without the identity and checks everything with it; {@code list --long}
 * names the recipient; {@code drill} passes with the identity and fails in one line naming the
 * recipients without it or with a wrong one.
 */
class EncryptedSnapshotS3IT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @RegisterExtension static S3ProxyExtension s3proxy = S3ProxyExtension.withSdkCredentials();
  @TempDir Path keys;
  @TempDir Path scratch;

  @Test
  void anEncryptedSnapshotLeavesNoPlaintextAndOpensOnlyWithItsIdentity() throws Exception {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String marker = HexFormat.of().formatHex(secret);
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      PatientPut.put(clients.cluster().getKVClient(), "/secret/marker", marker);
    }
    Path key = keys.resolve("backup.key");
    CliRun generated = CliRun.run(ENV, "keys", "generate", "--output", key.toString());
    assertThat(generated.exitCode()).as(generated.toString()).isZero();
    String recipient = generated.out().strip();
    assertThat(recipient).startsWith("age1");
    assertThat(Files.getPosixFilePermissions(key)).hasSize(2);
    String bucket = s3proxy.createBucket();
    String target = "s3://" + bucket + "/etcd?endpoint=" + s3proxy.endpoint()
        + "&path-style=true";

    CliRun snapshot = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target", target,
        "--recipient", recipient, "--compression", "zstd");

    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    String location = RestoreMigrationIT.field(snapshot.out(), "snapshot.path");
    assertThat(location).endsWith(".tar.zst.age");
    Path stored = s3proxy.filesOf(bucket).stream()
        .filter(p -> p.toString().endsWith(".tar.zst.age")).findFirst().orElseThrow();
    byte[] ciphertext = Files.readAllBytes(stored);
    assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).startsWith(
        "age-encryption.org/v1\n").doesNotContain(marker);
    Path clear = keys.resolve("clear.tar.zst");
    Shell.run(keys, "age", "-d", "-i", key.toString(), "-o", clear.toString(), stored.toString());
    Shell.run(keys, "tar", "-x", "--zstd", "-f", clear.toString(), "db");
    assertThat(new String(Files.readAllBytes(keys.resolve("db")), StandardCharsets.ISO_8859_1))
        .as("the decrypted db holds the marker: the check above can fail").contains(marker);

    CliRun locked = CliRun.run(ENV, "snapshots", "verify", "--target", target);
    CliRun opened = CliRun.run(ENV, "snapshots", "verify", "--target", target, "--identity",
        key.toString());
    CliRun list = CliRun.run(ENV, "snapshots", "list", "--long", "--target", target);

    assertThat(locked.exitCode()).as(locked.toString()).isZero();
    assertThat(locked.out()).contains("OK ", recipient, "no identity given");
    assertThat(opened.exitCode()).as(opened.toString()).isZero();
    assertThat(opened.out()).contains("OK ", "revision ", "etcd hash valid");
    assertThat(list.out()).contains(".tar.zst.age", "age-encrypted for " + recipient);

    Path wrong = keys.resolve("wrong.key");
    assertThat(CliRun.run(ENV, "keys", "generate", "--output", wrong.toString()).exitCode())
        .isZero();
    for (List<String> identity : List.of(List.<String>of(), List.of("--identity",
        wrong.toString()))) {
      List<String> args = new java.util.ArrayList<>(List.of("snapshots", "drill", "--store",
          target, "--scratch-dir", scratch.toString()));
      args.addAll(identity);
      CliRun refused = CliRun.run(ENV, args.toArray(String[]::new));
      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.out().strip()).startsWith("FAIL ").contains(recipient)
          .doesNotContain("\n");
      assertThat(scratch).isEmptyDirectory();
    }
    CliRun drill = CliRun.run(ENV, "snapshots", "drill", "--store", target, "--scratch-dir",
        scratch.toString(), "--identity", key.toString());

    assertThat(drill.exitCode()).as(drill.toString()).isZero();
    assertThat(drill.out()).startsWith("PASS ").containsPattern("\\d+ keys match the manifest");
    assertThat(scratch).isEmptyDirectory();
  }
}
