package io.etcdwarden.checks.cluster;

import static io.etcdwarden.checks.cluster.Members.report;
import static io.etcdwarden.checks.cluster.Members.up;
import static io.etcdwarden.checks.cluster.Members.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.cluster.ClusterReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first detail line of check cluster names the etcd-warden command that treats a finding. */
class TreatmentTest {
  private static final long MIB = 1024 * 1024;
  private static final ClusterThresholds DEFAULTS = ClusterThresholds.defaults();

  private static List<String> details(ClusterReport report) {
    return ClusterCheck.evaluate(report, DEFAULTS, List.of()).details();
  }

  @Test
  void nospaceIsTreatedByRecoverNospace() {
    ClusterReport full = report(with(up("etcd0", "a1"), "3.4.23", 100, List.of("NOSPACE"),
        List.of(), "a1"), up("etcd1", "b2"), up("etcd2", "c3"));
    assertThat(details(full)).hasSize(4).first().isEqualTo("treat: etcd-warden recover nospace");
  }

  @Test
  void nearQuotaIsCompactThenDefragAndFragmentationIsDefrag() {
    assertThat(details(report(Members.sized("etcd0", "a1", 1900 * MIB, 1800 * MIB))).get(0))
        .isEqualTo("treat: etcd-warden compact, then etcd-warden defrag --all");
    assertThat(details(report(Members.sized("etcd0", "a1", 400 * MIB, 150 * MIB))).get(0))
        .isEqualTo("treat: etcd-warden defrag --all");
  }

  @Test
  void aHealthyClusterGetsNoTreatmentLine() {
    assertThat(details(Members.healthy())).noneMatch(line -> line.startsWith("treat:"));
  }
}
