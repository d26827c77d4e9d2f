package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import io.etcdwarden.testkit.storage.GcsTestServer;
import io.etcdwarden.testkit.storage.S3ProxyExtension;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, whose jar leaves out what the cloud SDKs bring but never load (the GCS
 * client's gRPC transport and XML API, Apache HttpClient 4, the S3 SDK's async client), stores,
 * lists and verifies an archive on S3 (S3Proxy) and on GCS (the JSON API test server): the
 * whole path through each SDK runs from the shaded jar, not from Maven's class path.
 */
class PackagedCloudStoresIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @RegisterExtension static S3ProxyExtension s3proxy = new S3ProxyExtension();
  @RegisterExtension static GcsTestServer gcs = new GcsTestServer();
  @TempDir Path work;

  @Test
  void s3TakesListsAndVerifiesAnArchive() throws Exception {
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("AWS_ACCESS_KEY_ID", S3ProxyExtension.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", S3ProxyExtension.SECRET_KEY);

    roundTrip(env, "s3://" + s3proxy.createBucket() + "/etcd?endpoint=" + s3proxy.endpoint()
        + "&path-style=true");
  }

  @Test
  void gcsTakesListsAndVerifiesAnArchive() throws Exception {
    roundTrip(etcd.etcdctlEnvironment(),
        "gs://" + gcs.createBucket() + "/etcd?endpoint=" + gcs.endpoint());
  }

  private void roundTrip(Map<String, String> env, String target) throws Exception {
    DistRun snapshot = DistRun.launch(work, env, List.of("snapshot", "--target", target));
    DistRun list = DistRun.launch(work, env, List.of("snapshots", "list", "--target", target));
    DistRun verify = DistRun.launch(work, env,
        List.of("snapshots", "verify", "--target", target));

    assertThat(snapshot.code()).as(snapshot.toString()).isZero();
    assertThat(list.code()).as(list.toString()).isZero();
    assertThat(list.out()).as(list.toString()).contains("etcd-snapshot-");
    assertThat(verify.code()).as(verify.toString()).isZero();
    assertThat(verify.out()).as(verify.toString()).contains("1 of 1 archives sound");
    for (DistRun run : List.of(snapshot, list, verify)) {
      assertThat(run.err()).as(run.toString())
          .doesNotContain("NoClassDefFoundError", "ClassNotFoundException",
              "ServiceConfigurationError");
    }
  }
}
