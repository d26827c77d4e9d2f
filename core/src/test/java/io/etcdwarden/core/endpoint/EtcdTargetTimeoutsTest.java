package io.etcdwarden.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.config.WardenConfigLoader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** etcdctl's dial and command timeouts: flags over ETCDCTL_* over warden.yaml over defaults. */
class EtcdTargetTimeoutsTest {
  private static final WardenConfig CONFIG =
      WardenConfigLoader.parse("etcd:\n  timeout: 3s\n", "/w.yaml");

  private static EtcdTarget resolve(TargetFlags flags, TimeoutFlags timeouts,
      Map<String, String> env) {
    return EtcdTargetResolver.resolve(flags, timeouts, env, CONFIG, "/w.yaml");
  }

  @Test
  void commandTimeoutComesFromTheFlagThenTheEnvironmentThenTheConfig() {
    assertThat(resolve(TargetFlags.none(), new TimeoutFlags(null, "700ms"),
        Map.of("ETCDCTL_COMMAND_TIMEOUT", "2m")).timeout()).isEqualTo(Duration.ofMillis(700));
    EtcdTarget fromEnv = resolve(TargetFlags.none(), TimeoutFlags.none(),
        Map.of("ETCDCTL_COMMAND_TIMEOUT", "2m"));
    assertThat(fromEnv.timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(fromEnv.originOf(EtcdTarget.TIMEOUT)).isEqualTo("ETCDCTL_COMMAND_TIMEOUT");
    assertThat(resolve(TargetFlags.none(), TimeoutFlags.none(), Map.of()).timeout())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theOlderTimeoutFlagStillGivesTheCommandTimeoutButNotTogetherWithTheNewOne() {
    TargetFlags old = new TargetFlags(null, null, null, null, "4s");
    assertThat(resolve(old, TimeoutFlags.none(), Map.of()).timeout())
        .isEqualTo(Duration.ofSeconds(4));
    assertThatThrownBy(() -> resolve(old, new TimeoutFlags(null, "1s"), Map.of()))
        .isInstanceOf(WardenException.class).hasMessageContaining("--command-timeout");
  }

  @Test
  void dialTimeoutFollowsTheCommandTimeoutUnlessGiven() {
    EtcdTarget plain = resolve(TargetFlags.none(), new TimeoutFlags(null, "9s"), Map.of());
    assertThat(plain.dialTimeout()).isEqualTo(Duration.ofSeconds(9));
    EtcdTarget env = resolve(TargetFlags.none(), TimeoutFlags.none(),
        Map.of("ETCDCTL_DIAL_TIMEOUT", "500ms"));
    assertThat(env.dialTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(env.originOf(EtcdTarget.DIAL_TIMEOUT)).isEqualTo("ETCDCTL_DIAL_TIMEOUT");
    assertThat(resolve(TargetFlags.none(), new TimeoutFlags("1s", null),
        Map.of("ETCDCTL_DIAL_TIMEOUT", "500ms")).dialTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBadDurationInTheEnvironmentIsNamed() {
    assertThatThrownBy(() -> resolve(TargetFlags.none(), TimeoutFlags.none(),
        Map.of("ETCDCTL_DIAL_TIMEOUT", "soon")))
        .isInstanceOf(WardenException.class).hasMessageStartingWith("ETCDCTL_DIAL_TIMEOUT");
  }

  @Test
  void aPluginsShareBoundsAGivenDialTimeoutAndCarriesAnUngivenOne() {
    EtcdTarget given = resolve(TargetFlags.none(), new TimeoutFlags("3s", null), Map.of());
    assertThat(given.withTimeout(Duration.ofSeconds(2), "t").dialTimeout())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(given.withTimeout(Duration.ofSeconds(8), "t").dialTimeout())
        .isEqualTo(Duration.ofSeconds(3));
    EtcdTarget ungiven = resolve(TargetFlags.none(), TimeoutFlags.none(), Map.of());
    assertThat(ungiven.withTimeout(Duration.ofSeconds(8), "t").dialTimeout())
        .isEqualTo(Duration.ofSeconds(8));
  }
}
