package io.etcdwarden.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.core.WardenException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A plugin run's decisions about what Nagios sees: a bad argument or bad input is one UNKNOWN
 * line (exit 3, never a page), a failed operation CRITICAL, help exit 0, and a check that does
 * not finish by the deadline is CRITICAL in time.
 */
class PluginRunTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test
  void aBadArgumentIsOneUnknownLine() {
    int code = PluginRun.parsing("ETCD_CLUSTER", new ClusterCheckOptions(), List.of("--bogus"),
        out, options -> 0);

    assertThat(code).isEqualTo(3);
    assertThat(text.toString()).startsWith("ETCD_CLUSTER UNKNOWN: ").contains("--bogus")
        .hasLineCount(1);
  }

  @Test
  void badInputIsUnknownAndAFailedOperationCritical() {
    int bad = PluginRun.parsing("ETCD_CLUSTER", new ClusterCheckOptions(),
        List.of("--quota-bytes", "0"), out, options -> options.thresholds().hashCode());

    assertThat(bad).isEqualTo(3);
    assertThat(text.toString()).isEqualTo(
        "ETCD_CLUSTER UNKNOWN: --quota-bytes: must be positive, got 0\n");
    assertThat(PluginRun.failed(WardenException.badInput("--x: no")).state())
        .isEqualTo(State.UNKNOWN);
    assertThat(PluginRun.failed(new WardenException("store unreachable")).state())
        .isEqualTo(State.CRITICAL);
    assertThat(PluginRun.failed(new IllegalStateException("bug")).summary())
        .startsWith("internal error: ");
  }

  @Test
  void helpIsPrintedWithExitZero() {
    int code = PluginRun.parsing("ETCD_CLUSTER", new ClusterCheckOptions(), List.of("-h"), out,
        options -> 2);

    assertThat(code).isZero();
    assertThat(text.toString()).startsWith("Usage: check_etcd_cluster").contains("--db-warning");
  }

  @Test
  void aCheckThatDoesNotFinishInTimeIsCriticalByTheDeadline() {
    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();

    int code = PluginRun.run("ETCD_CLUSTER", () -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return CheckResult.of(State.OK, "late");
    }, Duration.ofMillis(500), 0, out);

    assertThat(code).isEqualTo(2);
    assertThat(text.toString()).isEqualTo("ETCD_CLUSTER CRITICAL: no answer within 0.5 s (-t)\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
