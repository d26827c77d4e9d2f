package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An empty {@code --endpoints ""} or {@code ETCDCTL_ENDPOINTS=} is a usage error through the
 * packaged launchers (exit 2; the Nagios plugins exit 3 UNKNOWN), even where warden.yaml names
 * a healthy cluster the command would otherwise have fallen back to and answered OK.
 */
class EmptyEndpointsIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Path config() throws Exception {
    Map<String, String> env = etcd.etcdctlEnvironment();
    return Files.writeString(dir.resolve("warden.yaml"), String.join("\n",
        "etcd:",
        "  endpoints: [" + env.get("ETCDCTL_ENDPOINTS") + "]",
        "  cacert: " + env.get("ETCDCTL_CACERT"),
        "  cert: " + env.get("ETCDCTL_CERT"),
        "  key: " + env.get("ETCDCTL_KEY"), ""));
  }

  private Run run(Map<String, String> env, String program, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Dist.plugin().resolveSibling(program).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("ETCDCTL_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(dir.resolve("out"),
        StandardCharsets.UTF_8), Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void theConfigsClusterAnswersWhenNothingIsEmpty() throws Exception {
    Run health = run(Map.of(), "etcd-warden", "health", "--config", config().toString());
    assertThat(health.exit()).as(health.toString()).isZero();
  }

  @Test
  void anEmptyEndpointsFlagIsAUsageErrorNotAFallback() throws Exception {
    String config = config().toString();

    Run health = run(Map.of(), "etcd-warden", "health", "--config", config, "--endpoints", "");
    assertThat(health.exit()).as(health.toString()).isEqualTo(2);
    assertThat(health.err().strip()).isEqualTo("etcd-warden: "
        + "--endpoints is empty: give a value or leave the flag out");

    Run plugin = run(Map.of(), "check_etcd_cluster", "--config", config, "--endpoints", "");
    assertThat(plugin.exit()).as(plugin.toString()).isEqualTo(3);
    assertThat(plugin.out()).startsWith("ETCD_CLUSTER UNKNOWN").contains("--endpoints is empty");
  }

  @Test
  void anEmptyEtcdctlEndpointsVariableIsAUsageErrorNotAFallback() throws Exception {
    String config = config().toString();

    Run health = run(Map.of("ETCDCTL_ENDPOINTS", ""), "etcd-warden", "health", "--config",
        config);
    assertThat(health.exit()).as(health.toString()).isEqualTo(2);
    assertThat(health.err().strip()).isEqualTo("etcd-warden: "
        + "ETCDCTL_ENDPOINTS is set but empty: give it a value or unset it");

    Run plugin = run(Map.of("ETCDCTL_ENDPOINTS", ""), "check_etcd_cluster", "--config", config);
    assertThat(plugin.exit()).as(plugin.toString()).isEqualTo(3);
    assertThat(plugin.out()).startsWith("ETCD_CLUSTER UNKNOWN");
  }
}
