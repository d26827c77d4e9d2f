package io.etcdwarden.nrpe;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig.NagiosSection;
import java.util.Optional;

/**
 * Where a check appears in Nagios, by the charm's charmhelpers rules: the host name is
 * {@code nagios_hostname} when given, else {@code <nagios_context>-<unit or host name>} with
 * every {@code /} replaced by {@code -}; the servicegroups are {@code nagios_servicegroups}
 * when non-empty, else the context (default {@code juju}).
 */
public record NagiosContext(String context, String hostname, String servicegroups) {

  public NagiosContext {
    requireName(context, "nagios_context");
    requireName(hostname, "nagios_hostname");
    if (servicegroups.isBlank() || servicegroups.chars().anyMatch(c -> c == '\n' || c == '\r')) {
      throw WardenException.badInput("nagios_servicegroups: '" + servicegroups
          + "' must be one line of comma-separated names");
    }
  }

  /** Applies the rules to the config section, an explicit host name, and the unit/host name. */
  public static NagiosContext of(NagiosSection section, Optional<String> nagiosHostname,
      String unitName) {
    String host = nagiosHostname.filter(h -> !h.isBlank())
        .orElse(section.nagiosContext() + "-" + unitName.replace('/', '-'));
    return new NagiosContext(section.nagiosContext(), host, section.effectiveServicegroups());
  }

  private static void requireName(String value, String key) {
    if (value == null || !value.matches("[A-Za-z0-9._@-]+")) {
      throw WardenException.badInput(key + ": '" + value
          + "' may hold only letters, digits and . _ @ -");
    }
  }
}
