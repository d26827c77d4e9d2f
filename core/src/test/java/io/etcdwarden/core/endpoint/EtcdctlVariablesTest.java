package io.etcdwarden.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdctlVariablesTest {
  /** etcdctl 3.4-3.7's global flags, as variables: each must be in the table. */
  private static final List<String> ETCDCTL_DOCUMENTS = List.of("ETCDCTL_ENDPOINTS",
      "ETCDCTL_CACERT", "ETCDCTL_CERT", "ETCDCTL_KEY", "ETCDCTL_INSECURE_SKIP_TLS_VERIFY",
      "ETCDCTL_INSECURE_TRANSPORT", "ETCDCTL_INSECURE_DISCOVERY", "ETCDCTL_DIAL_TIMEOUT",
      "ETCDCTL_COMMAND_TIMEOUT", "ETCDCTL_KEEPALIVE_TIME", "ETCDCTL_KEEPALIVE_TIMEOUT",
      "ETCDCTL_USER", "ETCDCTL_PASSWORD", "ETCDCTL_DISCOVERY_SRV", "ETCDCTL_DISCOVERY_SRV_NAME",
      "ETCDCTL_WRITE_OUT", "ETCDCTL_HEX", "ETCDCTL_DEBUG", "ETCDCTL_API");

  @Test
  void everyVariableEtcdctlDocumentsIsInTheTable() {
    for (String name : ETCDCTL_DOCUMENTS) {
      assertThat(EtcdctlVariables.find(name)).as(name).isPresent();
    }
  }

  @Test
  void anUnsupportedVariableIsRefusedInOneLineNamingIt() {
    assertThatThrownBy(() -> EtcdctlVariables.refuseUnsupported(
        Map.of("ETCDCTL_KEEPALIVE_TIME", "30s")))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("ETCDCTL_KEEPALIVE_TIME is set ('30s') but not supported")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void variablesRefusedForOneReasonGiveItInTheSameWords() {
    for (String name : List.of("ETCDCTL_KEEPALIVE_TIME", "ETCDCTL_KEEPALIVE_TIMEOUT")) {
      assertThat(EtcdctlVariables.find(name).orElseThrow().refusal()).as(name)
          .isEqualTo("etcd-warden's calls are short and set no gRPC keepalive; unset it");
    }
    for (String name : List.of("ETCDCTL_INSECURE_DISCOVERY", "ETCDCTL_DISCOVERY_SRV_NAME")) {
      assertThat(EtcdctlVariables.find(name).orElseThrow().refusal()).as(name)
          .isEqualTo("DNS SRV discovery is not supported; unset it");
    }
    assertThat(EtcdctlVariables.find("ETCDCTL_DISCOVERY_SRV").orElseThrow().refusal())
        .isEqualTo("DNS SRV discovery is not supported; give the endpoints with --endpoints or"
            + " ETCDCTL_ENDPOINTS");
  }

  @Test
  void aSecretIsNotRepeatedInTheRefusal() {
    assertThatThrownBy(() -> EtcdctlVariables.refuseUnsupported(
        Map.of("ETCDCTL_AUTH_JWT_TOKEN", "hunter2")))
        .isInstanceOf(WardenException.class)
        .hasMessageStartingWith("ETCDCTL_AUTH_JWT_TOKEN is set (value hidden)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void etcdctlsOwnDefaultsAndHonouredVariablesAreAccepted() {
    assertThatCode(() -> EtcdctlVariables.refuseUnsupported(Map.of("ETCDCTL_API", "3",
        "ETCDCTL_INSECURE_SKIP_TLS_VERIFY", "false", "ETCDCTL_DIAL_TIMEOUT", "2s",
        "ETCDCTL_HEX", "FALSE", "ETCDCTL_BIN", "/usr/bin/etcdctl", "ETCDCTL_USER", "root",
        "ETCDCTL_PASSWORD", "secret"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> EtcdctlVariables.refuseUnsupported(Map.of("ETCDCTL_API", "2")))
        .hasMessageStartingWith("ETCDCTL_API");
  }
}
