package io.etcdwarden.nrpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig.NagiosSection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NagiosContextTest {

  @Test
  void charmDefaults() {
    NagiosContext c = NagiosContext.of(NagiosSection.defaults(), Optional.empty(), "etcd/0");

    assertThat(c.hostname()).isEqualTo("juju-etcd-0");
    assertThat(c.servicegroups()).isEqualTo("juju");
  }

  @Test
  void explicitHostnameAndServicegroupsWin() {
    NagiosContext c = NagiosContext.of(new NagiosSection("prod", "etcd,kv"),
        Optional.of("db-1.example"), "etcd/0");

    assertThat(c.hostname()).isEqualTo("db-1.example");
    assertThat(c.servicegroups()).isEqualTo("etcd,kv");
  }

  @Test
  void badContextIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> NagiosContext.of(new NagiosSection("my context", ""),
        Optional.empty(), "h"))
        .isInstanceOf(WardenException.class).hasMessageStartingWith("nagios_context: ");
  }
}
