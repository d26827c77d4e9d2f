package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig.NagiosSection;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.nrpe.NagiosContext;
import io.etcdwarden.nrpe.NagiosCredentials;
import io.etcdwarden.nrpe.NrpeCheck;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags {@code nrpe render} and {@code nrpe install} share: where the cluster is (the same
 * flags as every etcd command), the charm's Nagios naming options, and where the files go.
 */
final class NrpeOptions {
  static final String PLUGIN_NAME = "check_etcd_cluster";
  static final String BACKUP_PLUGIN_NAME = "check_etcd_backup";

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
      description = "Absolute path of check_etcd_cluster (default: beside this launcher).")
  Path plugin;

  @Option(names = "--check-args", paramLabel = "ARGS",
      description = "Extra arguments for the check, e.g. \"--quota-bytes 8589934592 -w 70\".")
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

  /**
   * The check with the command line NRPE will run: the NRPE user's copies of the TLS files, and
   * a state file for counting leader changes in the same folder, which that user owns.
   */
  NrpeCheck check(EtcdTarget cluster, NagiosCredentials.Copies copies) {
    List<String> words = new ArrayList<>();
    words.add(pluginPath().toString());
    words.add("--endpoints");
    words.add(cluster.endpoints().stream().map(URI::toString).collect(Collectors.joining(",")));
    copies.cacert().ifPresent(p -> words.addAll(List.of("--cacert", p.toString())));
    copies.cert().ifPresent(p -> words.addAll(List.of("--cert", p.toString())));
    copies.key().ifPresent(p -> words.addAll(List.of("--key", p.toString())));
    words.addAll(List.of("--state-file", copies.stateFile().toString()));
    if (!checkArgs.isBlank()) {
      words.add(checkArgs.strip());
    }
    return new NrpeCheck("etcd_cluster", "etcd cluster health", String.join(" ", words));
  }

  /**
   * check_etcd_backup beside check_etcd_cluster when {@code backup.target} is configured: the
   * store named explicitly (NRPE's user may not read the config) and the same TLS copies, for
   * the daemon's last-run record in etcd. Empty when there is no store to watch.
   */
  java.util.Optional<NrpeCheck> backupCheck(EtcdTarget cluster, NagiosCredentials.Copies copies) {
    java.util.Optional<URI> store = target.loadConfig().backup().target();
    if (store.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<String> words = new ArrayList<>();
    words.add(pluginPath().resolveSibling(BACKUP_PLUGIN_NAME).toString());
    words.addAll(List.of("--target", store.get().toString()));
    words.add("--endpoints");
    words.add(cluster.endpoints().stream().map(URI::toString).collect(Collectors.joining(",")));
    copies.cacert().ifPresent(p -> words.addAll(List.of("--cacert", p.toString())));
    copies.cert().ifPresent(p -> words.addAll(List.of("--cert", p.toString())));
    copies.key().ifPresent(p -> words.addAll(List.of("--key", p.toString())));
    return java.util.Optional.of(new NrpeCheck("etcd_backup", "etcd backup freshness",
        String.join(" ", words)));
  }

  private Path pluginPath() {
    if (plugin != null) {
      if (!plugin.isAbsolute()) {
        throw WardenException.badInput("--plugin: '" + plugin + "' must be an absolute path");
      }
      return plugin;
    }
    String home = System.getProperty("etcd_warden.home");
    if (home == null) {
      throw WardenException.badInput("--plugin: give the absolute path of " + PLUGIN_NAME
          + " (not run from an installed launcher)");
    }
    return Path.of(home, "bin", PLUGIN_NAME);
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
