package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.core.cluster.ClusterReport;

/**
 * A condition that needs more than the survey (certificate files, a state file of earlier
 * observations) and so is built by the caller with what it reads, then judged with the rest.
 */
public interface ExtraCondition {
  CheckResult evaluate(ClusterReport report);
}
