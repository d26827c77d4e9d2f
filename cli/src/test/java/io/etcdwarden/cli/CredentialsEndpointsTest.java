package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credentials package --endpoints} parses its URLs like every other {@code --endpoints}:
 * an empty value or a URL with a password is a usage error, the password not echoed, and
 * nothing is written.
 */
class CredentialsEndpointsTest {
  @TempDir Path dir;

  @Test
  void anEmptyOrSecretBearingEndpointsIsAUsageErrorAndWritesNothing() {
    Path out = dir.resolve("creds.tar.gz");
    CliRun empty = CliRun.run(Map.of(), "credentials", "package", "--ca", dir.toString(),
        "--output", out.toString(), "--endpoints", "");
    CliRun secret = CliRun.run(Map.of(), "credentials", "package", "--ca", dir.toString(),
        "--output", out.toString(), "--endpoints", "https://u:s3cr3t@10.0.0.1:2379");

    assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(2);
    assertThat(empty.err()).contains("--endpoints is empty");
    assertThat(secret.exitCode()).as(secret.toString()).isEqualTo(2);
    assertThat(secret.err()).doesNotContain("s3cr3t").contains("***@");
    assertThat(out).doesNotExist();
  }
}
