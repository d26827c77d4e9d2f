package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fast path's query as bin/check_etcd_cluster sends it (curl -G --data-urlencode): the
 * plugin's arguments come back exactly and in order, spaces and signs included, and anything
 * but arguments and ETCDCTL_* variables is refused.
 */
class PluginHandlerTest {
  @Test
  void argumentsComeBackInOrderAndExactly() {
    List<String> args = new ArrayList<>();
    Map<String, String> env = new HashMap<>();

    var malformed = PluginHandler.parse("arg=-w&arg=%4070%3A80&arg=--state-file&arg=%2Fvar%2Fa%20b"
        + "&arg=&arg=1%2B1&env=ETCDCTL_ENDPOINTS%3Dhttps%3A%2F%2F10.0.0.1%3A2379", args, env);

    assertThat(malformed).isEmpty();
    assertThat(args).containsExactly("-w", "@70:80", "--state-file", "/var/a b", "", "1+1");
    assertThat(env).containsExactly(Map.entry("ETCDCTL_ENDPOINTS", "https://10.0.0.1:2379"));
  }

  @Test
  void anythingElseIsRefused() {
    for (String query : List.of("arg", "other=1", "env=PATH%3D%2Fbin", "env=ETCDCTL_CACERT")) {
      assertThat(PluginHandler.parse(query, new ArrayList<>(), new HashMap<>()))
          .as(query).isPresent();
    }
    assertThat(PluginHandler.parse(null, new ArrayList<>(), new HashMap<>())).isEmpty();
  }

  @Test
  void malformedPercentEncodingIsOnePlainReason() {
    for (String query : List.of("arg=%zz", "arg=%", "arg=a%4", "arg=%%41", "env=ETCDCTL_X%3")) {
      assertThat(PluginHandler.parse(query, new ArrayList<>(), new HashMap<>())).as(query)
          .hasValue("malformed percent-encoding in the query (want %XX, two hex digits)");
    }
  }
}
