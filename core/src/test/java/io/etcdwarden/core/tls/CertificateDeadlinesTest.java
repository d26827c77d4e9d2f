package io.etcdwarden.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.tls.CertificateDeadlines.Urgency;
import org.junit.jupiter.api.Test;

/** The marks between OK, warning, critical and expired, on both sides of each. */
class CertificateDeadlinesTest {
  @Test
  void thirtyDaysLeftIsOkTwentyNineWarnsSevenWarnsSixIsCriticalBelowZeroExpired() {
    assertThat(CertificateDeadlines.urgencyOf(365)).isEqualTo(Urgency.OK);
    assertThat(CertificateDeadlines.urgencyOf(30)).isEqualTo(Urgency.OK);
    assertThat(CertificateDeadlines.urgencyOf(29)).isEqualTo(Urgency.WARNING);
    assertThat(CertificateDeadlines.urgencyOf(7)).isEqualTo(Urgency.WARNING);
    assertThat(CertificateDeadlines.urgencyOf(6)).isEqualTo(Urgency.CRITICAL);
    assertThat(CertificateDeadlines.urgencyOf(0)).isEqualTo(Urgency.CRITICAL);
    assertThat(CertificateDeadlines.urgencyOf(-1)).isEqualTo(Urgency.EXPIRED);
  }
}
