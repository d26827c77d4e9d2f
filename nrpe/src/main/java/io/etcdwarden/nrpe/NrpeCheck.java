package io.etcdwarden.nrpe;

import io.etcdwarden.core.WardenException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One check as NRPE and Nagios know it: a shortname ({@code etcd_cluster}), the NRPE command
 * name derived from it ({@code check_etcd_cluster}), a description for the Nagios service, and
 * the absolute command line NRPE runs, its program path perhaps quoted (no {@code $ARGn$}: NRPE's
 * defaults refuse arguments).
 */
public record NrpeCheck(String shortname, String description, String commandLine) {
  /** charmhelpers' {@code Check.shortname_re}. */
  private static final Pattern SHORTNAME = Pattern.compile("[A-Za-z0-9-_.@]+");
  /** NRPE 4.1 reads its config with {@code fgets} into 2,048 bytes: longer lines lose their end. */
  static final int MAX_LINE_BYTES = 2046;

  public NrpeCheck {
    if (shortname == null || !SHORTNAME.matcher(shortname).matches()) {
      throw WardenException.badInput("check shortname '" + shortname
          + "' may hold only letters, digits and - _ . @");
    }
    if (!commandLine.startsWith("/") && !commandLine.startsWith("'/")) {
      throw WardenException.badInput("the NRPE command for " + shortname
          + " must start with an absolute path, got '" + commandLine + "'");
    }
    if (commandLine.contains("\n") || commandLine.contains("$")) {
      throw WardenException.badInput("the NRPE command for " + shortname
          + " must be one line without '$' (NRPE rewrites $...$ as macros, $ARGn$ included)");
    }
    int lineBytes = ("command[check_" + shortname + "]=" + commandLine)
        .getBytes(StandardCharsets.UTF_8).length;
    if (lineBytes > MAX_LINE_BYTES) {
      throw WardenException.badInput("the NRPE command for " + shortname + " is " + lineBytes
          + " bytes long; NRPE reads config lines of at most " + MAX_LINE_BYTES
          + " bytes (shorten the paths or the extra arguments)");
    }
  }

  /** The NRPE command name, {@code check_<shortname>}. */
  public String command() {
    return "check_" + shortname;
  }
}
