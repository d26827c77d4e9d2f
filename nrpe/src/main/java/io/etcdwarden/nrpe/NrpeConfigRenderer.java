package io.etcdwarden.nrpe;

/**
 * Renders, as pure strings, the two files charmhelpers wrote for a check: the NRPE command file
 * ({@code check_<shortname>.cfg} in NRPE's include dir) and the Nagios service definition that
 * the Nagios server collects ({@code service__<host>_check_<shortname>.cfg}).
 */
public final class NrpeConfigRenderer {
  private NrpeConfigRenderer() {}

  /** The NRPE include file name for {@code check}. */
  public static String commandFileName(NrpeCheck check) {
    return check.command() + ".cfg";
  }

  /** The Nagios export file name for {@code check} on the context's host. */
  public static String serviceFileName(NrpeCheck check, NagiosContext context) {
    return "service__" + context.hostname() + "_" + check.command() + ".cfg";
  }

  public static String commandFile(NrpeCheck check, NagiosContext context) {
    return "# check " + check.shortname() + "\n"
        + "# The following header was added automatically by etcd-warden\n"
        + "# Modifying it will affect nagios monitoring and alerting\n"
        + "# servicegroups: " + context.servicegroups() + "\n"
        + "command[" + check.command() + "]=" + check.commandLine() + "\n";
  }

  public static String serviceFile(NrpeCheck check, NagiosContext context) {
    return "#---------------------------------------------------\n"
        + "# This file is managed by etcd-warden nrpe install\n"
        + "#---------------------------------------------------\n"
        + "define service {\n"
        + field("use", "active-service")
        + field("host_name", context.hostname())
        + field("service_description", context.hostname() + "[" + check.shortname() + "] "
            + check.description())
        + field("check_command", "check_nrpe!" + check.command())
        + field("servicegroups", context.servicegroups())
        + "}\n";
  }

  private static String field(String name, String value) {
    return "    " + String.format("%-32s", name) + value + "\n";
  }
}
