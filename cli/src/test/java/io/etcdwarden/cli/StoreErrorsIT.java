package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.GcsTestServer;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong S3 credentials, a missing bucket and no AWS credentials at all (and a missing GCS
 * bucket), through the packaged CLI's {@code snapshot}, {@code snapshots list} and
 * {@code check backup}: one line that says what failed where and what to check, never the
 * SDK's text or "this is a bug"; ETCD_WARDEN_DEBUG=1 adds the SDK's own words.
 */
class StoreErrorsIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @RegisterExtension static S3ProxyExtension s3proxy = new S3ProxyExtension();
  @RegisterExtension static GcsTestServer gcs = new GcsTestServer();
  @TempDir Path work;

  @Test
  void wrongCredentialsNameTheCredentials() throws Exception {
    String target = s3(s3proxy.createBucket());
    Map<String, String> wrong = aws(S3ProxyExtension.ACCESS_KEY, "not-the-secret");

    for (List<String> args : List.of(List.of("snapshots", "list", "--target", target),
        List.of("snapshot", "--target", target))) {
      DistRun run = DistRun.launch(work, wrong, args);
      assertOneLine(run, "answered ").contains("HTTP 403: check the credentials");
    }
    DistRun check = DistRun.launch(work, wrong, List.of("check", "backup", "--target", target,
        "--no-last-run", "-t", "10"));
    assertPluginLine(check, "check the credentials");
  }

  @Test
  void aMissingBucketIsNamed() throws Exception {
    String target = s3("no-such-bucket");
    Map<String, String> creds = aws(S3ProxyExtension.ACCESS_KEY, S3ProxyExtension.SECRET_KEY);

    assertOneLine(DistRun.launch(work, creds, List.of("snapshots", "list", "--target", target)),
        "bucket 'no-such-bucket' does not exist");
    assertOneLine(DistRun.launch(work, creds, List.of("snapshot", "--target", target)),
        "bucket 'no-such-bucket' does not exist");
    assertPluginLine(DistRun.launch(work, creds, List.of("check", "backup", "--target", target,
        "--no-last-run", "-t", "10")), "bucket 'no-such-bucket' does not exist");
    String gsTarget = "gs://no-such-bucket/etcd?endpoint=" + gcs.endpoint();
    assertOneLine(DistRun.launch(work, Map.of(), List.of("snapshots", "list", "--target",
        gsTarget)), "bucket 'no-such-bucket' does not exist");
  }

  @Test
  void noCredentialsAtAllSaysWhereTheyComeFrom() throws Exception {
    Path home = Files.createDirectories(work.resolve("home"));
    Map<String, String> none = new HashMap<>(etcd.etcdctlEnvironment());
    none.putAll(Map.of("HOME", home.toString(), "AWS_EC2_METADATA_DISABLED", "true",
        "AWS_CONFIG_FILE", home.resolve("config").toString(), "AWS_SHARED_CREDENTIALS_FILE",
        home.resolve("credentials").toString()));
    String target = s3(s3proxy.createBucket());

    assertOneLine(DistRun.launch(work, none, List.of("snapshots", "list", "--target", target)),
        "no AWS credentials found: set AWS_ACCESS_KEY_ID");
  }

  @Test
  void debugAddsTheSdksOwnWords() throws Exception {
    Map<String, String> wrong = aws(S3ProxyExtension.ACCESS_KEY, "not-the-secret");
    wrong.put("ETCD_WARDEN_DEBUG", "1");

    DistRun run = DistRun.launch(work, wrong, List.of("snapshots", "list", "--target",
        s3(s3proxy.createBucket())));

    assertThat(run.err()).as(run.toString()).contains("etcd-warden: cannot list s3://")
        .contains("software.amazon.awssdk");
  }

  private String s3(String bucket) {
    return "s3://" + bucket + "/etcd?endpoint=" + s3proxy.endpoint() + "&path-style=true";
  }

  private static Map<String, String> aws(String key, String secret) {
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("AWS_ACCESS_KEY_ID", key);
    env.put("AWS_SECRET_ACCESS_KEY", secret);
    return env;
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertOneLine(DistRun run,
      String says) {
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines().toList()).as(run.toString()).hasSize(1);
    return assertThat(run.err()).as(run.toString()).startsWith("etcd-warden: cannot ")
        .contains(says).doesNotContain("this is a bug").doesNotContain("software.amazon")
        .doesNotContain("com.google").doesNotContain("Exception");
  }

  private static void assertPluginLine(DistRun run, String says) {
    assertThat(run.code()).as(run.toString()).isBetween(2, 3);
    assertThat(run.err()).as(run.toString()).isEmpty();
    assertThat(run.out()).as(run.toString()).startsWith("ETCD_BACKUP ").contains(says)
        .doesNotContain("this is a bug").doesNotContain("software.amazon")
        .doesNotContain("Exception");
  }
}
