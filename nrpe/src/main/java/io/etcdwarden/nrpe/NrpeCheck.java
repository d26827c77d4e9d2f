package io.etcdwarden.nrpe;

import io.etcdwarden.core.WardenException;
import java.util.regex.Pattern;

/**
 * One check as NRPE and Nagios know it: a shortname ({@code etcd_cluster}), the NRPE command
 * name derived from it ({@code check_etcd_cluster}), a description for the Nagios service, and
 * the absolute command line NRPE runs (no {@code $ARGn$}: NRPE's defaults refuse arguments).
 */
public record NrpeCheck(String shortname, String description, String commandLine) {
  /** charmhelpers' {@code Check.shortname_re}. */
  private static final Pattern SHORTNAME = Pattern.compile("[A-Za-z0-9-_.@]+");

  public NrpeCheck {
    if (shortname == null || !SHORTNAME.matcher(shortname).matches()) {
      throw WardenException.badInput("check shortname '" + shortname
          + "' may hold only letters, digits and - _ . @");
    }
    if (commandLine.isBlank() || !commandLine.startsWith("/")) {
      throw WardenException.badInput("the NRPE command for " + shortname
          + " must start with an absolute path, got '" + commandLine + "'");
    }
    if (commandLine.contains("\n") || commandLine.contains("$ARG")) {
      throw WardenException.badInput("the NRPE command for " + shortname
          + " must be one line without $ARGn$ macros");
    }
  }

  /** The NRPE command name, {@code check_<shortname>}. */
  public String command() {
    return "check_" + shortname;
  }
}
