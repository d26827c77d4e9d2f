package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.storage.FaultProxy;
import io.etcdwarden.testkit.storage.GcsTestServer;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store endpoint that accepts connections and never answers (a {@link FaultProxy} that
 * forwards nothing, in front of S3Proxy or the GCS test server): {@code check backup -t 10}
 * answers within its ten seconds, naming the store that did not answer, instead of waiting out
 * the SDK's retries (92 s for S3).
 */
class StoreTimeoutsIT {
  @RegisterExtension static S3ProxyExtension s3proxy = new S3ProxyExtension();
  @RegisterExtension static GcsTestServer gcs = new GcsTestServer();
  private static final Duration BUDGET = Duration.ofSeconds(10);
  @TempDir Path work;

  @Test
  void aSilentS3EndpointFailsTheCheckWithinItsBudget() throws Exception {
    try (FaultProxy silent = new FaultProxy(s3proxy.endpoint())) {
      silent.stallAfter(0);
      String target = "s3://" + s3proxy.createBucket() + "/etcd?endpoint=" + silent.uri()
          + "&path-style=true";

      DistRun run = DistRun.launch(work, Map.of("AWS_ACCESS_KEY_ID", S3ProxyExtension.ACCESS_KEY,
          "AWS_SECRET_ACCESS_KEY", S3ProxyExtension.SECRET_KEY), check(target));

      assertAnsweredInTime(run, silent);
    }
  }

  @Test
  void aSilentGcsEndpointFailsTheCheckWithinItsBudget() throws Exception {
    try (FaultProxy silent = new FaultProxy(gcs.endpoint())) {
      silent.stallAfter(0);
      String target = "gs://" + gcs.createBucket() + "/etcd?endpoint=" + silent.uri();

      DistRun run = DistRun.launch(work, Map.of(), check(target));

      assertAnsweredInTime(run, silent);
    }
  }

  private static List<String> check(String target) {
    return List.of("check", "backup", "--target", target, "--no-last-run", "-t",
        String.valueOf(BUDGET.toSeconds()));
  }

  private static void assertAnsweredInTime(DistRun run, FaultProxy silent) {
    assertThat(silent.connections()).as(run.toString()).isPositive();
    assertThat(run.took()).as(run.toString()).isLessThan(BUDGET);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).as(run.toString()).startsWith("ETCD_BACKUP CRITICAL: ")
        .contains(silent.uri().getHost() + ":" + silent.uri().getPort() + " did not answer")
        .doesNotContain("Exception");
  }
}
