package io.etcdwarden.installer.credentials;

import io.etcdwarden.core.WardenException;
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

  /** The role's lower-case name, as typed ({@code admin}, {@code monitor}). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role for its lower-case name ({@code admin}, {@code monitor}), as typed; one line naming
   * {@code option} when it is neither.
   */
  public static ClientRole parse(String text, String option) {
    for (ClientRole role : values()) {
      if (role.word().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    throw WardenException.badInput(option + " must be admin or monitor, got '" + text + "'");
  }
}
