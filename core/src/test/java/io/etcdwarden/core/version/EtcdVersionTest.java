package io.etcdwarden.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EtcdVersionTest {

  @Test
  void parsesWhatMembersAndBinariesReport() {
    assertThat(EtcdVersion.parse("3.5.30", "x")).isEqualTo(EtcdVersion.of(3, 5, 30));
    assertThat(EtcdVersion.parse("v3.6.0-rc.1", "x")).isEqualTo(EtcdVersion.of(3, 6, 0));
    String out = "etcd Version: 3.6.16\nGit SHA: Not provided\nGo Version: go1.26.8\n";
    assertThat(EtcdVersion.fromVersionOutput(out, "/opt/etcd")).hasToString("3.6.16");
    assertThat(EtcdVersion.fromVersionOutput("etcdutl version: 3.7.3\nAPI version: 3.7\n", "u"))
        .isEqualTo(EtcdVersion.of(3, 7, 3));
  }

  @Test
  void refusesWhatIsNotAVersionNamingTheSource() {
    assertThatThrownBy(() -> EtcdVersion.parse("3.5", "--etcd-bin /x/etcd"))
        .isInstanceOf(WardenException.class).hasMessageContaining("--etcd-bin /x/etcd");
    assertThatThrownBy(() -> EtcdVersion.fromVersionOutput("hello", "/bin/etcd"))
        .hasMessageContaining("/bin/etcd");
  }

  @Test
  void ordersNumericallyNotAsText() {
    assertThat(EtcdVersion.of(3, 5, 9)).isLessThan(EtcdVersion.of(3, 5, 10));
    assertThat(EtcdVersion.of(3, 10, 0)).isGreaterThan(EtcdVersion.of(3, 9, 99));
    assertThat(EtcdVersion.of(3, 5, 20).atLeast(3, 5, 20)).isTrue();
    assertThat(EtcdVersion.of(3, 5, 19).atLeast(3, 5, 20)).isFalse();
  }

  @Test
  void linesKnowTheirBehaviourAndSupport() {
    assertThat(EtcdVersion.of(3, 4, 23).line()).isEqualTo(EtcdLine.V3_4);
    assertThat(EtcdLine.V3_4.pastEndOfSupport(LocalDate.of(2026, 12, 4))).isTrue();
    assertThat(EtcdLine.V3_4.pastEndOfSupport(LocalDate.of(2026, 5, 15))).isFalse();
    assertThat(EtcdLine.V3_7.pastEndOfSupport(LocalDate.of(2030, 1, 1))).isFalse();
    assertThat(EtcdLine.V3_5.next()).contains(EtcdLine.V3_6);
    assertThat(EtcdLine.V3_7.next()).isEmpty();
    assertThat(EtcdLine.V3_4.restoresWithEtcdutl()).isFalse();
    assertThat(EtcdLine.V3_6.hasV2Store()).isFalse();
    assertThat(EtcdLine.V3_5.minimumPatchBeforeNextLine()).isEqualTo(20);
    assertThatThrownBy(() -> EtcdVersion.of(3, 3, 27).line())
        .hasMessage("etcd 3.3 is not supported by this etcd-warden (supported: 3.4, 3.5, 3.6, 3.7)");
  }
}
