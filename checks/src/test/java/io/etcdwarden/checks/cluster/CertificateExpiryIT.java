package io.etcdwarden.checks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.checks.CheckResult;
import io.etcdwarden.checks.State;
import io.etcdwarden.checks.Thresholds;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.cluster.ClusterReport;
import io.etcdwarden.core.cluster.ClusterSurvey;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server certificate a real member presents is read and judged like the files. */
class CertificateExpiryIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);

  @Test
  void serverCertificateValidForFiveYearsWarnsAgainstA2000DayThreshold() {
    ClusterReport report;
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      report = new ClusterSurvey(clients, etcd.target(), Clock.systemUTC()).survey();
    }

    CheckResult result = new CertificateExpiry(List.of(), Thresholds.of("2000:", "7:"),
        Clock.systemUTC(), Duration.ofSeconds(2)).evaluate(report);

    assertThat(result.overall()).isEqualTo(State.WARNING);
    assertThat(result.summary()).matches(
        // A survey that could not list the members in time names the member by its URL.
        "certificate expires in 182[0-9] days: server certificate of"
            + " (etcd0|https://127\\.0\\.0\\.1:\\d+); see 'etcd-warden certs status', renew"
            + " with 'etcd-warden certs renew'");
  }
}
