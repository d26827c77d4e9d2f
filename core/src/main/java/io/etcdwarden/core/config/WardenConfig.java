package io.etcdwarden.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's {@code warden.yaml}, read and validated once by {@link WardenConfigLoader} into
 * immutable, typed sections. Every key is optional: {@link #defaults()} is what an absent file
 * means. Settings that flags and {@code ETCDCTL_*} variables can also give (endpoints, TLS files,
 * timeout) are kept as "given or not" ({@code Optional}, empty list) so that
 * {@code EtcdTargetResolver} can tell which layer a value came from; settings only this file
 * gives carry their defaults directly. To add a section: a nested record with its key names and
 * defaults, a reader in this package, a component here and one line in the loader.
 */
public record WardenConfig(EtcdSection etcd, NagiosSection nagios, BackupSection backup,
    DaemonSection daemon, MaintenanceSection maintenance) {
  /** Where the CLI and the daemon look when {@code --config} is not given. */
  public static final String DEFAULT_PATH = "/etc/etcd-warden/warden.yaml";

  public static final Path DEFAULT_FILE = Path.of(DEFAULT_PATH);

  /** Top-level section names, in the order the loader reports them as known. */
  public static final List<String> SECTIONS = List.of(EtcdSection.NAME, NagiosSection.NAME, BackupSection.NAME,
      DaemonSection.NAME, MaintenanceSection.NAME);

  public WardenConfig {
    Objects.requireNonNull(etcd, "etcd");
    Objects.requireNonNull(nagios, "nagios");
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(maintenance, "maintenance");
  }

  /** The configuration without a {@code maintenance:} section. */
  public WardenConfig(EtcdSection etcd, NagiosSection nagios, BackupSection backup,
      DaemonSection daemon) {
    this(etcd, nagios, backup, daemon, MaintenanceSection.defaults());
  }

  /** The configuration without a {@code daemon:} section. */
  public WardenConfig(EtcdSection etcd, NagiosSection nagios, BackupSection backup) {
    this(etcd, nagios, backup, DaemonSection.defaults());
  }

  /** The configuration with only the {@code etcd:} and {@code nagios:} sections given. */
  public WardenConfig(EtcdSection etcd, NagiosSection nagios) {
    this(etcd, nagios, BackupSection.defaults());
  }

  /** The configuration an absent or empty file stands for. */
  public static WardenConfig defaults() {
    return new WardenConfig(EtcdSection.defaults(), NagiosSection.defaults(),
        BackupSection.defaults(), DaemonSection.defaults(), MaintenanceSection.defaults());
  }

  /**
   * The {@code etcd:} section: how to reach the cluster and the charm's port options. The
   * endpoints are kept as written; {@code EtcdTargetResolver} parses them because whether a bare
   * {@code host:port} means https depends on TLS files that flags or the environment may give.
   */
  public record EtcdSection(
      List<String> endpoints,
      Optional<Path> cacert,
      Optional<Path> cert,
      Optional<Path> key,
      Optional<Duration> timeout,
      int port,
      int managementPort,
      Optional<String> user,
      Optional<Path> passwordFile) {
    public static final String NAME = "etcd";
    public static final String ENDPOINTS = "endpoints";
    public static final String CACERT = "cacert";
    public static final String CERT = "cert";
    public static final String KEY = "key";
    public static final String TIMEOUT = "timeout";
    /** The charm's option name for the client port. */
    public static final String PORT = "port";
    /** The charm's option name for the peer port. */
    public static final String MANAGEMENT_PORT = "management_port";
    /** The etcd user to authenticate as (auth enabled); its password only from a file. */
    public static final String USER = "user";
    public static final String PASSWORD_FILE = "password_file";
    public static final List<String> KEYS =
        List.of(ENDPOINTS, CACERT, CERT, KEY, TIMEOUT, PORT, MANAGEMENT_PORT, USER, PASSWORD_FILE);

    /** Per-call deadline when no layer gives one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_PORT = 2379;
    public static final int DEFAULT_MANAGEMENT_PORT = 2380;

    public EtcdSection {
      endpoints = List.copyOf(endpoints);
      Objects.requireNonNull(cacert, CACERT);
      Objects.requireNonNull(cert, CERT);
      Objects.requireNonNull(key, KEY);
      Objects.requireNonNull(timeout, TIMEOUT);
      Objects.requireNonNull(user, USER);
      Objects.requireNonNull(passwordFile, PASSWORD_FILE);
    }

    /** A section without an etcd user (certificate or no authentication). */
    public EtcdSection(List<String> endpoints, Optional<Path> cacert, Optional<Path> cert,
        Optional<Path> key, Optional<Duration> timeout, int port, int managementPort) {
      this(endpoints, cacert, cert, key, timeout, port, managementPort, Optional.empty(),
          Optional.empty());
    }

    public static EtcdSection defaults() {
      return new EtcdSection(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), DEFAULT_PORT, DEFAULT_MANAGEMENT_PORT);
    }

    /** The configured timeout, or {@link #DEFAULT_TIMEOUT}. */
    public Duration timeoutOrDefault() {
      return timeout.orElse(DEFAULT_TIMEOUT);
    }
  }

  /**
   * The {@code nagios:} section, with the charm's option names: the context prefixes host and
   * service names in Nagios; empty servicegroups means "the context", as the charm did it.
   */
  public record NagiosSection(String nagiosContext, String nagiosServicegroups) {
    public static final String NAME = "nagios";
    public static final String NAGIOS_CONTEXT = "nagios_context";
    public static final String NAGIOS_SERVICEGROUPS = "nagios_servicegroups";
    public static final List<String> KEYS = List.of(NAGIOS_CONTEXT, NAGIOS_SERVICEGROUPS);

    public static final String DEFAULT_NAGIOS_CONTEXT = "juju";
    public static final String DEFAULT_NAGIOS_SERVICEGROUPS = "";

    public NagiosSection {
      Objects.requireNonNull(nagiosContext, NAGIOS_CONTEXT);
      Objects.requireNonNull(nagiosServicegroups, NAGIOS_SERVICEGROUPS);
    }

    public static NagiosSection defaults() {
      return new NagiosSection(DEFAULT_NAGIOS_CONTEXT, DEFAULT_NAGIOS_SERVICEGROUPS);
    }

    /** The servicegroups to export: the configured ones, or the context when none are set. */
    public String effectiveServicegroups() {
      return nagiosServicegroups.isBlank() ? nagiosContext : nagiosServicegroups;
    }
  }
}
