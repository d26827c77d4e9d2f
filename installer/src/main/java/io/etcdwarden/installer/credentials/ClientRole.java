package io.etcdwarden.installer.credentials;

import java.util.Locale;

/**
 * Whose client certificate a credentials package holds: {@link #ADMIN}, the cluster's full client
 * identity (CN {@code client}), or {@link #MONITOR}, a certificate of its own (CN
 * {@code etcd-warden-monitor}) for Nagios/NRPE, which with etcd's authentication enabled maps to
 * an etcd user that may read status and {@code /etcd-warden/} only ({@link MonitorAccess}).
 */
public enum ClientRole {
  ADMIN("client"),
  MONITOR("etcd-warden-monitor");

  private final String commonName;

  ClientRole(String commonName) {
    this.commonName = commonName;
  }

  /** The certificate's CN, which is also the etcd user name (auth enabled, no password). */
  public String commonName() {
    return commonName;
  }

  /** The role for its lower-case name ({@code admin}, {@code monitor}), as typed. */
  public static ClientRole parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
