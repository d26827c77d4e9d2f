package io.etcdwarden.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * check_etcd_cluster's whole-run deadline (-t, else --timeout, else 10 s) and its thresholds,
 * refused with the flag named when they cannot be meant.
 */
class ClusterCheckOptionsTest {

  private static ClusterCheckOptions parsed(String... args) {
    ClusterCheckOptions options = new ClusterCheckOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void theDeadlineIsMinusTElseTimeoutElseTenSeconds() {
    assertThat(parsed().deadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(parsed("--timeout", "4s").deadline()).isEqualTo(Duration.ofSeconds(4));
    assertThat(parsed("--timeout", "4s", "-t", "7").deadline()).isEqualTo(Duration.ofSeconds(7));
    assertThatThrownBy(() -> parsed("-t", "soon").deadline())
        .isInstanceOf(WardenException.class).hasMessageContaining("-t");
  }

  @Test
  void thresholdsTakeNagiosRangesAndRefuseWhatCannotBeMeant() {
    var thresholds = parsed("-w", "@70:80", "--expected-members", "3").thresholds();

    assertThat(thresholds.dbUsedPercent().warning().orElseThrow().text()).isEqualTo("@70:80");
    assertThat(thresholds.expectedMembers()).hasValue(3);
    assertThatThrownBy(() -> parsed("--expected-members", "0").thresholds())
        .isInstanceOf(WardenException.class).hasMessage("--expected-members: must be at least 1");
    assertThatThrownBy(() -> parsed("-c", "lots").thresholds())
        .isInstanceOf(WardenException.class).hasMessageContaining("-c");
  }
}
