package io.etcdwarden.checks.cluster;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conditions of {@code check_etcd_cluster} that read local files or the clock: certificate
 * expiry of the CA and client certificate, leader changes counted in a state file, and members
 * running an etcd line past its end of support. They are judged where
 * the plugin runs, so a survey served from the daemon's cache is judged exactly as a live one.
 */
public final class ClusterExtras {
  private ClusterExtras() {}

  /** The server certificates are fetched by TLS handshakes with each member. */
  public static List<ExtraCondition> of(EtcdTarget target, ClusterThresholds thresholds,
      Optional<Path> stateFile, Clock clock) {
    return of(target, thresholds, stateFile, clock, Optional.empty());
  }

  /** {@code serverExpiry} present: the members' server certificates' expiry, already known. */
  public static List<ExtraCondition> of(EtcdTarget target, ClusterThresholds thresholds,
      Optional<Path> stateFile, Clock clock, Optional<Map<String, Instant>> serverExpiry) {
    List<Path> certificates = new ArrayList<>();
    target.caFile().ifPresent(certificates::add);
    target.certFile().ifPresent(certificates::add);
    List<ExtraCondition> extras = new ArrayList<>();
    extras.add(serverExpiry.isPresent()
        ? new CertificateExpiry(certificates, thresholds.certDaysLeft(), clock, serverExpiry.get())
        : new CertificateExpiry(certificates, thresholds.certDaysLeft(), clock,
            target.timeout().dividedBy(2)));
    extras.add(stateFile.<ExtraCondition>map(file -> new LeaderChanges(file,
            thresholds.leaderChanges(), clock, LeaderChanges.DEFAULT_WINDOW))
        .orElse(report -> CheckResult.skipped("leader changes not counted: no --state-file")));
    extras.add(new EndOfSupport(clock));
    return extras;
  }
}
