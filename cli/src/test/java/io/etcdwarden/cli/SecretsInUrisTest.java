package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password in a URL's user-info (a store URI, its {@code ?endpoint=}, an etcd endpoint from a
 * flag, the environment or warden.yaml) is refused without being echoed, by the commands and
 * by the Nagios plugins.
 */
class SecretsInUrisTest {
  private static final String SECRET = "s3cr3t";
  @TempDir Path dir;

  private static void refusedWithoutTheSecret(CliRun run, int exit) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exit);
    assertThat(run.out() + run.err()).as(run.toString()).doesNotContain(SECRET).contains("***@");
  }

  @Test
  void storeUrisWithCredentialsAreRefusedMasked() {
    for (String target : new String[] {"s3://AKIA:" + SECRET + "@bucket/p",
        "gs://u:" + SECRET + "@bucket/p", "file://u:" + SECRET + "@host/tmp",
        "ftp://u:" + SECRET + "@x/y", "s3://bucket/p?endpoint=http://k:" + SECRET
            + "@127.0.0.1:1", "s3://u:" + SECRET + "@bucket/p?bogus=1"}) {
      refusedWithoutTheSecret(CliRun.run(Map.of(), "snapshots", "list", "--target", target), 2);
      refusedWithoutTheSecret(CliRun.run(Map.of(), "check", "backup", "--no-last-run",
          "--target", target), 3);
    }
  }

  @Test
  void endpointsWithCredentialsAreRefusedMaskedWhereverTheyComeFrom() throws Exception {
    String url = "https://root:" + SECRET + "@127.0.0.1:1";
    refusedWithoutTheSecret(CliRun.run(Map.of(), "health", "--endpoints", url), 2);
    refusedWithoutTheSecret(CliRun.run(Map.of(), "health", "--endpoints",
        "root:" + SECRET + "@127.0.0.1:1"), 2);
    refusedWithoutTheSecret(CliRun.run(Map.of("ETCDCTL_ENDPOINTS", url), "check", "cluster"),
        3);
    Path config = Files.writeString(dir.resolve("warden.yaml"),
        "etcd:\n  endpoints: ['" + url + "']\n");
    refusedWithoutTheSecret(CliRun.run(Map.of(), "health", "--config", config.toString()), 2);
  }
}
