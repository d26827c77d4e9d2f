package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * grpc's shared event loop, which jetcd's channels run on, is stopped before a command exits:
 * its threads wait in native code, and HotSpot's exit waits 300 ms for such threads.
 */
class SharedGrpcLoopIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);

  @Test
  void stopForExitLeavesNoLoopThreadAlive() throws Exception {
    String out = probe("stop");

    assertThat(out).contains("health exit 0").containsPattern("loop threads [1-9]")
        .doesNotContain("alive ");
  }

  @Test
  void withoutItGrpcKeepsItsLoopThreadsAfterTheCommand() throws Exception {
    String out = probe("control");

    assertThat(out).contains("health exit 0").contains("alive grpc-");
  }

  private static String probe(String mode) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SharedGrpcLoopProbe.class.getName(), mode)
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("ETCDCTL_"));
    builder.environment().putAll(etcd.etcdctlEnvironment());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    return out;
  }
}
