package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check_etcd_backup --verify} on an encrypted archive: with the identity it opens and
 * checks the archive (OK); with a wrong identity it names the identity file and the archive's
 * recipient and is not OK; an identity file others may read is a usage error (UNKNOWN).
 */
class EncryptedBackupCheckIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;
  @TempDir Path keys;

  private CliRun cli(String... args) {
    return CliRun.run(etcd.etcdctlEnvironment(), args);
  }

  private CliRun check(Path identity) {
    return cli("check", "backup", "--target", "file://" + store, "--allow-non-mount",
        "--verify", "--identity", identity.toString());
  }

  @Test
  void verifyOpensTheNewestArchiveWithTheIdentityAndNamesTheRecipientsWithAWrongOne()
      throws Exception {
    Path key = keys.resolve("right.key");
    Path wrong = keys.resolve("wrong.key");
    String recipient = cli("keys", "generate", "--output", key.toString()).out().strip();
    assertThat(cli("keys", "generate", "--output", wrong.toString()).exitCode()).isZero();
    CliRun snapshot = cli("snapshot", "--target", "file://" + store, "--allow-non-mount",
        "--recipient", recipient, "--verify", "--identity", key.toString());
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    assertThat(snapshot.out()).contains("snapshot.verified: true", "snapshot.encrypted: true");

    CliRun right = check(key);
    CliRun bad = check(wrong);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    CliRun readable = check(key);

    assertThat(right.exitCode()).as(right.toString()).isZero();
    assertThat(right.out()).startsWith("ETCD_BACKUP OK");
    assertThat(bad.exitCode()).as(bad.toString()).isIn(1, 2);
    assertThat(bad.out()).contains(wrong.toString(), recipient);
    assertThat(readable.exitCode()).as(readable.toString()).isEqualTo(3);
    assertThat(readable.out()).contains(key.toString(), "chmod 600");
  }
}
