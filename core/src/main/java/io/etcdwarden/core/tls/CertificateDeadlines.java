package io.etcdwarden.core.tls;

/**
 * When a certificate's remaining life turns from fine to a warning and to critical: 30 and 7
 * days, the defaults of {@code check cluster}'s {@code --cert-warning} / {@code --cert-critical}
 * and the marks {@code certs status} uses, kept here so the two never disagree.
 */
public final class CertificateDeadlines {
  /** Fewer whole days left than this is a warning. */
  public static final long WARNING_DAYS = 30;
  /** Fewer whole days left than this is critical. */
  public static final long CRITICAL_DAYS = 7;

  private CertificateDeadlines() {}

  /** How urgent a certificate with {@code daysLeft} whole days of validity is. */
  public static Urgency urgencyOf(long daysLeft) {
    if (daysLeft < 0) {
      return Urgency.EXPIRED;
    }
    if (daysLeft < CRITICAL_DAYS) {
      return Urgency.CRITICAL;
    }
    return daysLeft < WARNING_DAYS ? Urgency.WARNING : Urgency.OK;
  }

  /** The urgency of one certificate, from no action needed to already expired. */
  public enum Urgency { OK, WARNING, CRITICAL, EXPIRED }
}
