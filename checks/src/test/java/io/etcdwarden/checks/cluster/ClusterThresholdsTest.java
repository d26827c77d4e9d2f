package io.etcdwarden.checks.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.checks.Thresholds;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClusterThresholdsTest {
  private static final ClusterThresholds DEFAULTS = ClusterThresholds.defaults();

  @Test
  void eachBuilderSetterChangesOneLimitAndKeepsTheRest() {
    Thresholds lag = Thresholds.of("10", "20");
    ClusterThresholds changed = DEFAULTS.toBuilder().quotaBytes(8L << 30).applyLag(lag)
        .rttSeconds(Thresholds.of("0.5", "1")).expectedMembers(OptionalInt.of(5)).build();

    assertThat(changed.quotaBytes()).isEqualTo(8L << 30);
    assertThat(changed.applyLag()).isEqualTo(lag);
    assertThat(changed.rttSeconds()).isEqualTo(Thresholds.of("0.5", "1"));
    assertThat(changed.expectedMembers()).hasValue(5);
    assertThat(changed.dbUsedPercent()).isEqualTo(DEFAULTS.dbUsedPercent());
    assertThat(changed.certDaysLeft()).isEqualTo(DEFAULTS.certDaysLeft());
    assertThat(changed.leaderChanges()).isEqualTo(DEFAULTS.leaderChanges());
    assertThat(changed.minInUseRatio()).isEqualTo(DEFAULTS.minInUseRatio());
    assertThat(changed.fragmentationFloorBytes()).isEqualTo(DEFAULTS.fragmentationFloorBytes());
    assertThat(DEFAULTS.toBuilder().dbUsedPercent(lag).certDaysLeft(lag).leaderChanges(lag)
        .build())
        .isEqualTo(new ClusterThresholds(DEFAULTS.quotaBytes(), lag, DEFAULTS.applyLag(),
            DEFAULTS.rttSeconds(), lag, lag, OptionalInt.empty(), DEFAULTS.minInUseRatio(),
            DEFAULTS.fragmentationFloorBytes()));
  }

  @Test
  void aQuotaIsStillChecked() {
    assertThatThrownBy(() -> DEFAULTS.toBuilder().quotaBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
