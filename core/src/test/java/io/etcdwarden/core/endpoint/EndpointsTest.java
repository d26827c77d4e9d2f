package io.etcdwarden.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {
  @ParameterizedTest
  @CsvSource({
    "https://10.0.0.1:2379, false, https://10.0.0.1:2379",
    "http://10.0.0.1:2379, true, http://10.0.0.1:2379",
    "HTTPS://etcd-1.example:2379/, false, https://etcd-1.example:2379",
    "10.0.0.1:2379, true, https://10.0.0.1:2379",
    "10.0.0.1:2379, false, http://10.0.0.1:2379",
    "[::1]:2379, false, http://[::1]:2379",
    "https://[fd00::2]:2379, false, https://[fd00::2]:2379",
    "' localhost:2379 ', true, https://localhost:2379"
  })
  void acceptsWhatEtcdctlAccepts(String text, boolean tls, String expected) {
    assertThat(Endpoints.parse(text, tls, "--endpoints")).isEqualTo(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "htp://10.0.0.1:2379 | ",
    "ftp://10.0.0.1:2379 | ",
    "https://10.0.0.1 | ; the port is missing",
    "10.0.0.1 | ; the port is missing",
    "https://10.0.0.1:2379/v2/keys | ; no path allowed",
    "https://10.0.0.1:2379?x=1 | ; no path allowed",
    "https://user@10.0.0.1:2379 | ; no user name allowed",
    "https://10.0.0.1:99999 | ; bad port",
    "::1:2379 | ; put IPv6 addresses in brackets: [::1]:2379",
    "not an endpoint | ",
    "https://:2379 | ",
    "https://host:abc | "
  })
  void refusesAnythingElseNamingTheSource(String text, String detail) {
    assertThatThrownBy(() -> Endpoints.parse(text, true, "ETCDCTL_ENDPOINTS"))
        .isInstanceOf(WardenException.class)
        .hasMessage("ETCDCTL_ENDPOINTS: '" + text.replace("user@", "***@") + "' is not an etcd endpoint (expected"
            + " https://HOST:PORT" + (detail == null ? "" : detail) + ")");
  }

  @Test
  void splitsListsSkippingBlanksAndDuplicates() {
    assertThat(Endpoints.parseList(" a:1, ,https://b:2,a:1,", true, "x"))
        .containsExactly(URI.create("https://a:1"), URI.create("https://b:2"));
  }
}
