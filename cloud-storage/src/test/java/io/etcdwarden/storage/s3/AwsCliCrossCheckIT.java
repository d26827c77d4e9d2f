package io.etcdwarden.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcdwarden.storage.GeneratedStream;
import io.etcdwarden.storage.PublishedSnapshot;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An archive uploaded in parts is what Debian's awscli downloads, byte for byte. */
class AwsCliCrossCheckIT {
  private static final Path AWS = Path.of("/usr/bin/aws");
  private static final String NAME = "etcd-snapshot-2026-01-02-03.04.05.tar.gz";
  @RegisterExtension static S3ProxyExtension s3proxy = new S3ProxyExtension();
  @TempDir Path work;

  @Test
  void awsCliDownloadsTheArchiveAndSha256sumAcceptsIt() throws Exception {
    assumeTrue(Files.isExecutable(AWS), "Debian's awscli is not installed");
    String bucket = s3proxy.createBucket();
    SnapshotStore store = S3Stores.open(S3StoreContractIT.uri(s3proxy, bucket),
        S3StoreContractIT.CREDENTIALS);
    PublishedSnapshot published = store.put(NAME, GeneratedStream.of(12L << 20, 3));

    String listing = aws("s3", "ls", "s3://" + bucket + "/etcd/backups/");
    aws("s3", "cp", published.location(), ".");
    aws("s3", "cp", published.location() + ".sha256", ".");

    assertThat(listing).contains(NAME).contains(NAME + ".sha256");
    assertThat(Files.size(work.resolve(NAME))).isEqualTo(12L << 20);
    assertThat(run(List.of("sha256sum", "-c", NAME + ".sha256"))).contains(NAME + ": OK");
  }

  private String aws(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(AWS.toString(), "--endpoint-url",
        s3proxy.endpoint().toString(), "--region", "us-east-1"));
    command.addAll(List.of(args));
    return run(command);
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", S3ProxyExtension.ACCESS_KEY);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", S3ProxyExtension.SECRET_KEY);
    builder.environment().put("AWS_CONFIG_FILE", work.resolve("none").toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(command + ":\n" + out).isZero();
    return out;
  }
}
