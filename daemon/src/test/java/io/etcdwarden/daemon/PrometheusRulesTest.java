package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules load in Prometheus and behave as their unit tests say (daemon down,
 * backup too old for its schedule, last run failed, certificates expiring, cluster CRITICAL),
 * judged by the real {@code promtool}.
 */
class PrometheusRulesTest {
  @Test
  void rulesLoadAndPassTheirUnitTests() throws Exception {
    Promtool.Run check = Promtool.run("check", "rules", Promtool.RULES.toString());
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 8 rules found");

    Promtool.Run test = Promtool.run("test", "rules", Promtool.RULE_TESTS.toString());
    assertThat(test.exitCode()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS").doesNotContain("FAILED");
  }
}
