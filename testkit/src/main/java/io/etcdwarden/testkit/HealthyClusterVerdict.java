package io.etcdwarden.testkit;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What {@code check cluster} says of a healthy cluster that runs the etcd under test: OK, or
 * WARNING when that etcd's line is past its end of support today (3.4 since 2026-05-15), which
 * the check reports even when everything else is fine. Tests that run on every line expect the
 * verdict from here instead of a fixed "OK".
 */
public final class HealthyClusterVerdict {
  private HealthyClusterVerdict() {}

  /** True when the etcd under test runs a line past its end of support. */
  public static boolean pastEndOfSupport() {
    return EtcdUnderTest.version().line().pastEndOfSupport(LocalDate.now(ZoneOffset.UTC));
  }

  /** The plugin's exit code: 0 (OK) or 1 (WARNING). */
  public static int exitCode() {
    return pastEndOfSupport() ? 1 : 0;
  }

  /**
   * The start of the summary, without the service name: {@code OK: N of N voting members
   * working} or {@code WARNING: etcd 3.4 is past its end of support}.
   */
  public static String summary(int members) {
    return pastEndOfSupport()
        ? "WARNING: etcd " + EtcdUnderTest.version().line() + " is past its end of support"
        : "OK: " + members + " of " + members + " voting members working";
  }
}
