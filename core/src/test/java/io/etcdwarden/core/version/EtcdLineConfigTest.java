package io.etcdwarden.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtcdLineConfigTest {

  @Test
  void snapshotCountDefaultFollowsEtcdsOwnPerLine() {
    assertThat(EtcdLine.V3_4.defaultSnapshotCount()).isEqualTo(100_000);
    assertThat(EtcdLine.V3_5.defaultSnapshotCount()).isEqualTo(100_000);
    assertThat(EtcdLine.V3_6.defaultSnapshotCount()).isEqualTo(10_000);
    assertThat(EtcdLine.V3_7.defaultSnapshotCount()).isEqualTo(10_000);
  }

  @Test
  void maxSnapshotsIsLeftToEtcdWhereItIsDeprecated() {
    assertThat(EtcdLine.V3_4.acceptsMaxSnapshots()).isTrue();
    assertThat(EtcdLine.V3_5.acceptsMaxSnapshots()).isTrue();
    assertThat(EtcdLine.V3_6.acceptsMaxSnapshots()).isFalse();
    assertThat(EtcdLine.V3_7.acceptsMaxSnapshots()).isFalse();
  }
}
