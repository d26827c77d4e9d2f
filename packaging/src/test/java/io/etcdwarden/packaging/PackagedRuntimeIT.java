package io.etcdwarden.packaging;

import static io.etcdwarden.packaging.Packages.unpack;
import static io.etcdwarden.packaging.Packages.withoutJava;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unpacked .deb against a real TLS member, on its own linked runtime with no java on the
 * PATH: the runtime holds every module the Nagios plugin and a snapshot need (TLS, gRPC, hashing,
 * compression), and the JVM says nothing of its own on the plugin's output (Java 25 warns on
 * stderr about libraries that use {@code sun.misc.Unsafe} unless the launcher allows it).
 */
class PackagedRuntimeIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir static Path root;
  private static Map<String, String> env;

  @BeforeAll
  static void unpackTheDeb() throws Exception {
    unpack(root);
    Map<String, String> extra = new HashMap<>(etcd.etcdctlEnvironment());
    extra.put("ETCD_WARDEN_NO_FAST", "1");
    env = withoutJava(root, extra);
  }

  @Test
  void nagiosPluginJudgesARealMemberAndPrintsOnlyItsAnswer() throws Exception {
    Command check = run("check_etcd_cluster");

    assertThat(check.code()).as(check.output()).isZero();
    assertThat(check.output()).startsWith("ETCD_CLUSTER OK: 1 of 1 voting members working")
        .doesNotContainPattern("(?m)^WARNING");
  }

  @Test
  void snapshotStreamsAVerifiedArchiveFromARealMember(@TempDir Path backups) throws Exception {
    Command snapshot = run("etcd-warden", "snapshot", "--verify",
        "--target", backups.toUri() + "?allow-non-mount=true");

    assertThat(snapshot.code()).as(snapshot.output()).isZero();
    assertThat(snapshot.output()).doesNotContainPattern("(?m)^WARNING");
    try (Stream<Path> files = Files.list(backups)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.matches("etcd-snapshot-.*\\.tar\\.gz"));
    }
  }

  private static Command run(String tool, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(root.resolve("opt/etcd-warden/bin").resolve(tool).toString());
    command.addAll(List.of(args));
    return Command.run(command, env, root);
  }
}
