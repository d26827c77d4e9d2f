package io.etcdwarden.checks;

/**
 * One Nagios-style check: it measures something and says how that compares with its
 * thresholds. It never throws for a condition it was built to detect (an unreachable member is a
 * result, not an exception); a {@link io.etcdwarden.core.WardenException} means it could not
 * check at all.
 */
public interface Check {
  /** The upper-case service name Nagios shows first, e.g. {@code ETCD_CLUSTER}. */
  String serviceName();

  /** Runs the check once. */
  CheckResult run();
}
