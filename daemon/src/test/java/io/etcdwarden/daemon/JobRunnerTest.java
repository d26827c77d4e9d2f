package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stopping daemon waits for the running job through the runner, not by polling Quartz. */
class JobRunnerTest {
  private final JobHistory history = new JobHistory(Clock.systemUTC(), List.of("snapshot"));
  private final JobRunner runner = new JobRunner(history, new DaemonMetrics("test"));

  @Test
  void awaitIdleWaitsForTheRunningJobAndNoLonger() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread job = new Thread(() -> runner.run("snapshot", () -> {
      started.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new JobResult(JobHistory.Outcome.OK, "done");
    }));
    job.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(runner.awaitIdle(Duration.ofMillis(50))).isFalse();
    release.countDown();
    assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
    job.join(10_000);
    assertThat(history.entry("snapshot").lastResult()).isEqualTo("done");
  }

  @Test
  void anIdleRunnerIsIdleAtOnceAndAFailedJobLeavesItIdle() {
    assertThat(runner.awaitIdle(Duration.ZERO)).isTrue();
    runner.run("snapshot", () -> {
      throw new IllegalStateException("boom");
    });
    assertThat(runner.awaitIdle(Duration.ZERO)).isTrue();
    assertThat(history.entry("snapshot").failures()).isEqualTo(1);
  }

  @Test
  void aStreamingJobIsFollowedByAFullCollection() {
    long before = collections();
    runner.runAndCollect("snapshot", () -> new JobResult(JobHistory.Outcome.OK, "done"));
    assertThat(collections()).isGreaterThan(before);
    assertThat(history.entry("snapshot").lastResult()).isEqualTo("done");
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }
}
