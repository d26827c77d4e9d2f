package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.EtcdctlSnapshot;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's S3 story: {@code snapshot --target s3://...} against S3Proxy, then the printed
 * {@code copy.cmd} run with Debian's awscli, then etcdctl restores the downloaded db.
 */
class SnapshotToS3IT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @RegisterExtension static S3ProxyExtension s3proxy = S3ProxyExtension.withSdkCredentials();
  @TempDir Path work;

  @Test
  void theCopyCommandFetchesAnArchiveThatRestores() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/aws")), "Debian's awscli is not installed");
    String bucket = s3proxy.createBucket();
    String target = "s3://" + bucket + "/etcd/prod?endpoint=" + s3proxy.endpoint()
        + "&path-style=true";

    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target", target);
    CliRun list = CliRun.run(etcd.etcdctlEnvironment(), "snapshots", "list", "--long",
        "--target", target);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String copy = run.out().lines().filter(l -> l.startsWith("copy.cmd: ")).findFirst()
        .orElseThrow().substring("copy.cmd: ".length());
    assertThat(copy).startsWith("aws s3 cp s3://" + bucket + "/etcd/prod/etcd-snapshot-");
    assertThat(list.out()).contains("etcd-snapshot-").contains("etcd0");
    List<String> command = new ArrayList<>(List.of(copy.replaceFirst("^aws", "/usr/bin/aws")
        .split(" ")));
    command.addAll(List.of("--region", "us-east-1"));
    awsCli(command);
    Path archive;
    try (var files = Files.list(work)) {
      archive = files.filter(p -> p.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
    }
    Shell.run(work, "tar", "xzf", archive.toString());
    EtcdctlSnapshot.restore(work.resolve("db"), work.resolve("restored"));
  }

  private void awsCli(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", S3ProxyExtension.ACCESS_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", S3ProxyExtension.SECRET_KEY);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(command + "\n" + out).isZero();
  }
}
