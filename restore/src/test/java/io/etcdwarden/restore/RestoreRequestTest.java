package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestoreRequestTest {
  private static final Map<String, String> ENV = Map.of("ETCDCTL_ENDPOINTS", "https://e:2379");

  @Test
  void theBuilderStartsFromTheDefaults() {
    assertThat(RestoreRequest.builder("latest", ENV).build()).isEqualTo(new RestoreRequest(
        "latest", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, false, false, RestoreRequest.DEFAULT_HEALTH_TIMEOUT, ENV,
        false, Optional.empty()));
  }

  @Test
  void eachOptionLandsInItsOwnComponent() {
    RestoreRequest built = RestoreRequest.builder("/a.tar.gz", ENV).store(Optional.of("s3://b"))
        .sha256(Optional.of("ab")).memberDir(Optional.of(Path.of("/m")))
        .etcdConfig(Optional.of(Path.of("/c.yaml"))).backupDir(Optional.of(Path.of("/old")))
        .skipBackup(true).allowNonMount(true).assumeSingleMember(true)
        .healthTimeout(Duration.ofSeconds(7)).allowOlderEtcd(true).build();

    assertThat(built).isEqualTo(new RestoreRequest("/a.tar.gz", Optional.of("s3://b"),
        Optional.of("ab"), Optional.of(Path.of("/m")), Optional.of(Path.of("/c.yaml")),
        Optional.of(Path.of("/old")), true, true, true, Duration.ofSeconds(7), ENV, true,
        Optional.empty()));
  }
}
