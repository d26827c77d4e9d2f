package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig.NagiosSection;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.nrpe.NagiosContext;
import io.etcdwarden.nrpe.NagiosCredentials;
import io.etcdwarden.nrpe.NrpeCheck;
import io.etcdwarden.nrpe.NrpeCommandLines;
import io.etcdwarden.plugins.options.TargetOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags {@code nrpe render} and {@code nrpe install} share: where the cluster is (the same
 * flags as every etcd command), the charm's Nagios naming options, and where the files go.
 */
final class NrpeOptions {
  @Mixin TargetOptions target;

  @Option(names = "--nagios-context", paramLabel = "NAME",
      description = "Prefix of the Nagios host name (default: nagios.nagios_context, juju).")
  String context;

  @Option(names = "--nagios-servicegroups", paramLabel = "GROUPS",
      description = "Nagios servicegroups (default: nagios.nagios_servicegroups, else context).")
  String servicegroups;

  @Option(names = "--nagios-hostname", paramLabel = "NAME",
      description = "Nagios host name (default: <context>-<unit name>).")
  String hostname;

  @Option(names = "--unit-name", paramLabel = "NAME",
      description = "Unit or host name for the Nagios host name (default: this host's name).")
  String unitName;

  @Option(names = "--plugin", paramLabel = "PATH",
      description = "Path of check_etcd_cluster (default: beside this launcher).")
  Path plugin;

  @Option(names = "--check-args", paramLabel = "ARGS",
      description = "Extra arguments for the check, split and quoted as the shell would, "
          + "e.g. \"--quota-bytes 8589934592 -w 70\".")
  String checkArgs = "";

  @Option(names = "--credentials-dir", paramLabel = "DIR",
      defaultValue = "/etc/etcd-warden/nagios", description = "The NRPE user's folder: its copies "
      + "of the TLS files and the check's state file (default ${DEFAULT-VALUE}).")
  Path credentialsDir;

  @Option(names = "--nrpe-dir", paramLabel = "DIR", description = "NRPE include dir "
      + "(default ${DEFAULT-VALUE}).", defaultValue = "/etc/nagios/nrpe.d")
  Path nrpeDir;

  @Option(names = "--export-dir", paramLabel = "DIR", description = "Nagios export dir "
      + "(default ${DEFAULT-VALUE}).", defaultValue = "/var/lib/nagios/export")
  Path exportDir;

  NagiosContext nagiosContext() {
    NagiosSection section = target.loadConfig().nagios();
    NagiosSection merged = new NagiosSection(context != null ? context : section.nagiosContext(),
        servicegroups != null ? servicegroups : section.nagiosServicegroups());
    return NagiosContext.of(merged, Optional.ofNullable(hostname),
        unitName != null ? unitName : localHostName());
  }

  /** Renders command lines with relative paths resolved against the current directory. */
  NrpeCommandLines commandLines() {
    return new NrpeCommandLines(Path.of("").toAbsolutePath());
  }

  /** {@code --credentials-dir}, absolute: NRPE runs the check from {@code /}. */
  Path credentialsDir() {
    return commandLines().absolute(credentialsDir);
  }

  /** The check with the command line NRPE will run, with the NRPE user's TLS copies. */
  NrpeCheck check(EtcdTarget cluster, NagiosCredentials.Copies copies) {
    return commandLines().cluster(pluginPath(), cluster.endpoints(), copies, checkArgs);
  }

  /**
   * check_etcd_backup beside check_etcd_cluster when {@code backup.target} is configured; empty
   * when there is no store to watch.
   */
  Optional<NrpeCheck> backupCheck(EtcdTarget cluster, NagiosCredentials.Copies copies) {
    return target.loadConfig().backup().target().map(store ->
        commandLines().backup(pluginPath(), store, cluster.endpoints(), copies));
  }

  private Path pluginPath() {
    if (plugin != null) {
      return plugin;
    }
    String home = System.getProperty("etcd_warden.home");
    if (home == null) {
      throw WardenException.badInput("--plugin: give the path of "
          + NrpeCommandLines.CLUSTER_PLUGIN + " (not run from an installed launcher)");
    }
    return Path.of(home, "bin", NrpeCommandLines.CLUSTER_PLUGIN);
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw WardenException.badInput("--unit-name: this host's name is unknown ("
          + e.getMessage() + "); give one");
    }
  }
}
