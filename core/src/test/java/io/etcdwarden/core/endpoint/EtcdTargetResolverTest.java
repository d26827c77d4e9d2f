package io.etcdwarden.core.endpoint;

import static io.etcdwarden.core.endpoint.EtcdTarget.CACERT;
import static io.etcdwarden.core.endpoint.EtcdTarget.CERT;
import static io.etcdwarden.core.endpoint.EtcdTarget.ENDPOINTS;
import static io.etcdwarden.core.endpoint.EtcdTarget.KEY;
import static io.etcdwarden.core.endpoint.EtcdTarget.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.config.WardenConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdTargetResolverTest {
  private static final String FILE = "/etc/etcd-warden/warden.yaml";
  private static final WardenConfig CONFIG = WardenConfigLoader.parse("""
      etcd:
        endpoints: [https://10.0.0.1:2379, https://10.0.0.2:2379]
        cacert: /conf/ca.crt
        cert: /conf/client.crt
        key: /conf/client.key
        timeout: 3s
      """, FILE);

  @Test
  void withNothingGivenTalksToLocalEtcdOverHttp() {
    EtcdTarget target = resolve(TargetFlags.none(), Map.of(), WardenConfig.defaults());
    assertThat(target.endpoints()).containsExactly(URI.create("http://127.0.0.1:2379"));
    assertThat(target.caFile()).isEmpty();
    assertThat(target.certFile()).isEmpty();
    assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(target.usesTls()).isFalse();
    for (String field : List.of(ENDPOINTS, CACERT, CERT, KEY, TIMEOUT)) {
      assertThat(target.originOf(field)).isEqualTo("default");
    }
  }

  @Test
  void anyTlsFileMakesTheDefaultEndpointHttps() {
    EtcdTarget target = resolve(TargetFlags.none(), Map.of("ETCDCTL_CACERT", "/ca.crt"),
        WardenConfig.defaults());
    assertThat(target.endpoints()).containsExactly(URI.create("https://127.0.0.1:2379"));
    assertThat(target.usesTls()).isTrue();
  }

  @Test
  void theConfigFileIsTheBottomLayerAndIsNamedAsOrigin() {
    EtcdTarget target = resolve(TargetFlags.none(), Map.of(), CONFIG);
    assertThat(target.endpoints()).containsExactly(
        URI.create("https://10.0.0.1:2379"), URI.create("https://10.0.0.2:2379"));
    assertThat(target.caFile()).contains(Path.of("/conf/ca.crt"));
    assertThat(target.certFile()).contains(Path.of("/conf/client.crt"));
    assertThat(target.keyFile()).contains(Path.of("/conf/client.key"));
    assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(target.originOf(ENDPOINTS)).isEqualTo("etcd.endpoints in " + FILE);
    assertThat(target.originOf(CACERT)).isEqualTo("etcd.cacert in " + FILE);
    assertThat(target.originOf(KEY)).isEqualTo("etcd.key in " + FILE);
    assertThat(target.originOf(TIMEOUT)).isEqualTo("etcd.timeout in " + FILE);
  }

  @Test
  void environmentBeatsConfigFieldByField() {
    EtcdTarget target = resolve(TargetFlags.none(), Map.of("ETCDCTL_CACERT", "/env/ca.crt"),
        CONFIG);
    assertThat(target.caFile()).contains(Path.of("/env/ca.crt"));
    assertThat(target.originOf(CACERT)).isEqualTo("ETCDCTL_CACERT");
    assertThat(target.certFile()).contains(Path.of("/conf/client.crt"));
    assertThat(target.originOf(CERT)).isEqualTo("etcd.cert in " + FILE);
    assertThat(target.originOf(ENDPOINTS)).isEqualTo("etcd.endpoints in " + FILE);
  }

  @Test
  void flagsBeatEnvironmentFieldByField() {
    Map<String, String> env = Map.of(
        "ETCDCTL_ENDPOINTS", "https://10.1.1.1:2379",
        "ETCDCTL_CERT", "/env/client.crt",
        "ETCDCTL_KEY", "/env/client.key");
    TargetFlags flags = new TargetFlags("https://10.2.2.2:2379", null, null, "/flag/client.key",
        "750ms");
    EtcdTarget target = resolve(flags, env, CONFIG);
    assertThat(target.endpoints()).containsExactly(URI.create("https://10.2.2.2:2379"));
    assertThat(target.originOf(ENDPOINTS)).isEqualTo("--endpoints");
    assertThat(target.keyFile()).contains(Path.of("/flag/client.key"));
    assertThat(target.originOf(KEY)).isEqualTo("--key");
    assertThat(target.certFile()).contains(Path.of("/env/client.crt"));
    assertThat(target.originOf(CERT)).isEqualTo("ETCDCTL_CERT");
    assertThat(target.caFile()).contains(Path.of("/conf/ca.crt"));
    assertThat(target.timeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(target.originOf(TIMEOUT)).isEqualTo("--timeout");
  }

  @Test
  void theCharmsOlderVariableNamesWorkAndTheNewNamesWin() {
    Map<String, String> old = Map.of(
        "ETCDCTL_ENDPOINT", "https://10.0.0.9:2379",
        "ETCDCTL_CA_FILE", "/old/ca.crt",
        "ETCDCTL_CERT_FILE", "/old/client.crt",
        "ETCDCTL_KEY_FILE", "/old/client.key");
    EtcdTarget target = resolve(TargetFlags.none(), old, WardenConfig.defaults());
    assertThat(target.endpoints()).containsExactly(URI.create("https://10.0.0.9:2379"));
    assertThat(target.originOf(ENDPOINTS)).isEqualTo("ETCDCTL_ENDPOINT");
    assertThat(target.originOf(CACERT)).isEqualTo("ETCDCTL_CA_FILE");
    assertThat(target.originOf(CERT)).isEqualTo("ETCDCTL_CERT_FILE");
    assertThat(target.originOf(KEY)).isEqualTo("ETCDCTL_KEY_FILE");

    Map<String, String> both = new java.util.HashMap<>(old);
    both.put("ETCDCTL_CACERT", "/new/ca.crt");
    both.put("ETCDCTL_ENDPOINTS", "https://10.0.0.8:2379");
    target = resolve(TargetFlags.none(), both, WardenConfig.defaults());
    assertThat(target.caFile()).contains(Path.of("/new/ca.crt"));
    assertThat(target.originOf(CACERT)).isEqualTo("ETCDCTL_CACERT");
    assertThat(target.endpoints()).containsExactly(URI.create("https://10.0.0.8:2379"));
  }

  @Test
  void anEmptyFlagOrVariableIsRefusedNotReadAsUnset() {
    assertThatThrownBy(() -> resolve(new TargetFlags("", null, null, null, null), Map.of(),
        CONFIG)).isInstanceOf(WardenException.class).hasMessage(
            "--endpoints is empty: give a value or leave the flag out")
        .matches(e -> ((WardenException) e).kind() == WardenException.Kind.BAD_INPUT);
    assertThatThrownBy(() -> resolve(new TargetFlags(null, " ", null, null, null), Map.of(),
        CONFIG)).hasMessageStartingWith("--cacert is empty");
    for (String name : List.of("ETCDCTL_ENDPOINTS", "ETCDCTL_ENDPOINT", "ETCDCTL_CACERT",
        "ETCDCTL_KEY_FILE")) {
      assertThatThrownBy(() -> resolve(TargetFlags.none(), Map.of(name, " "), CONFIG))
          .isInstanceOf(WardenException.class)
          .hasMessage(name + " is set but empty: give it a value or unset it");
    }
  }

  @Test
  void parsesCommaSeparatedBareAndIpv6Endpoints() {
    Map<String, String> env = Map.of("ETCDCTL_ENDPOINTS", "10.0.0.1:2379, [fd00::2]:2379 ,",
        "ETCDCTL_CACERT", "/ca.crt");
    EtcdTarget target = resolve(TargetFlags.none(), env, WardenConfig.defaults());
    assertThat(target.endpoints()).containsExactly(
        URI.create("https://10.0.0.1:2379"), URI.create("https://[fd00::2]:2379"));

    target = resolve(TargetFlags.none(), Map.of("ETCDCTL_ENDPOINTS", "10.0.0.1:2379"),
        WardenConfig.defaults());
    assertThat(target.endpoints()).containsExactly(URI.create("http://10.0.0.1:2379"));
  }

  @Test
  void aMalformedEndpointNamesTheVariableItCameFrom() {
    assertThatThrownBy(() -> resolve(TargetFlags.none(),
        Map.of("ETCDCTL_ENDPOINTS", "https://10.0.0.2:2379,htp://10.0.0.1:2379"),
        WardenConfig.defaults()))
        .isInstanceOf(WardenException.class)
        .hasMessage("ETCDCTL_ENDPOINTS: 'htp://10.0.0.1:2379' is not an etcd endpoint"
            + " (expected https://HOST:PORT)");
    WardenConfig config = WardenConfigLoader.parse("etcd:\n  endpoints: [10.0.0.1]\n", FILE);
    assertThatThrownBy(() -> resolve(TargetFlags.none(), Map.of(), config))
        .hasMessage("etcd.endpoints in " + FILE + ": '10.0.0.1' is not an etcd endpoint"
            + " (expected https://HOST:PORT; the port is missing)");
  }

  @Test
  void refusesMixedSchemes() {
    assertThatThrownBy(() -> resolve(
        new TargetFlags("https://a:2379,http://b:2379", null, null, null, null), Map.of(),
        WardenConfig.defaults()))
        .hasMessage("--endpoints: 'https://a:2379,http://b:2379' mixes http:// and https://"
            + " endpoints; use one scheme for all");
  }

  @Test
  void aCertificateWithoutKeyNamesBothSides() {
    assertThatThrownBy(() -> resolve(TargetFlags.none(),
        Map.of("ETCDCTL_CERT", "/env/client.crt"), WardenConfig.defaults()))
        .isInstanceOf(WardenException.class)
        .hasMessage("client certificate /env/client.crt (from ETCDCTL_CERT) needs a client key:"
            + " none is set by --key, ETCDCTL_KEY or etcd.key in " + FILE);
    assertThatThrownBy(() -> resolve(new TargetFlags(null, null, null, "/k.key", null),
        Map.of(), WardenConfig.defaults()))
        .hasMessage("client key /k.key (from --key) needs a client certificate: none is set by"
            + " --cert, ETCDCTL_CERT or etcd.cert in " + FILE);
  }

  @Test
  void aBadTimeoutFlagIsNamed() {
    assertThatThrownBy(() -> resolve(new TargetFlags(null, null, null, null, "soon"),
        Map.of(), WardenConfig.defaults()))
        .hasMessage("--timeout must be a duration like 500ms, 5s or 2m, got 'soon'");
  }

  @Test
  void withEndpointsKeepsTlsAndOrigins() {
    EtcdTarget target = resolve(TargetFlags.none(), Map.of(), CONFIG);
    EtcdTarget one = target.withEndpoints(List.of(URI.create("https://10.0.0.2:2379")));
    assertThat(one.endpoints()).containsExactly(URI.create("https://10.0.0.2:2379"));
    assertThat(one.caFile()).isEqualTo(target.caFile());
    assertThat(one.originOf(CACERT)).isEqualTo(target.originOf(CACERT));
    assertThat(one.usesTls()).isTrue();
  }

  private static EtcdTarget resolve(TargetFlags flags, Map<String, String> env,
      WardenConfig config) {
    return EtcdTargetResolver.resolve(flags, env, config, FILE);
  }
}
