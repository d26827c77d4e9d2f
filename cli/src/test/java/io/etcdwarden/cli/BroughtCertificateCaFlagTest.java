package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member certificate of the operator's own PKI ({@code install --cert}, {@code member add
 * --member-cert}) with an explicit {@code --ca} is refused in one line naming both flags, before
 * anything is written or contacted: the member would not use that CA.
 */
class BroughtCertificateCaFlagTest {
  private static final Map<String, String> NOWHERE =
      Map.of("ETCDCTL_ENDPOINTS", "https://127.0.0.1:1");
  @TempDir Path tmp;

  @Test
  void installWithCertAndAnExplicitCaIsRefused() throws Exception {
    CliRun run = CliRun.run(NOWHERE, "install", "--name", "etcd0", "--data-dir",
        tmp.resolve("etcd0").toString(), "--cert", file("m.crt"), "--key", file("m.key"),
        "--trusted-ca", file("ca.crt"), "--ca", tmp.resolve("ca").toString());

    assertRefused(run, "--ca does not go with --cert");
  }

  @Test
  void memberAddWithMemberCertAndAnExplicitCaIsRefused() throws Exception {
    CliRun run = CliRun.run(NOWHERE, "member", "add", "--name", "etcd3", "--data-dir",
        tmp.resolve("etcd3").toString(), "--advertise", "127.0.0.1", "--member-cert",
        file("m.crt"), "--member-key", file("m.key"), "--trusted-ca", file("ca.crt"), "--ca",
        tmp.resolve("ca").toString());

    assertRefused(run, "--ca does not go with --member-cert");
  }

  private void assertRefused(CliRun run, String message) throws Exception {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
    assertThat(run.err()).contains(message).contains("--trusted-ca");
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("m.crt", "m.key", "ca.crt");
    }
  }

  private String file(String name) throws Exception {
    Path file = tmp.resolve(name);
    if (!Files.exists(file)) {
      Files.writeString(file, "not read: the flags are refused first\n");
    }
    return file.toString();
  }
}
