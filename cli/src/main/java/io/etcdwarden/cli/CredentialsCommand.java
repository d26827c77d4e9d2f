package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.config.WardenConfigLoader;
import io.etcdwarden.core.endpoint.Endpoints;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.endpoint.EtcdTargetResolver;
import io.etcdwarden.core.endpoint.TargetFlags;
import io.etcdwarden.installer.credentials.ClientRole;
import io.etcdwarden.installer.credentials.CredentialsPackager;
import io.etcdwarden.installer.credentials.MonitorAccess;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.plugins.options.AuthOptions;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden credentials package}: client cert, key, CA and README in one archive. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
    description = "Client credentials for etcdctl and applications.",
    subcommands = CredentialsCommand.Package.class)
final class CredentialsCommand {

  /** Where the CA comes from: a CA folder, or the member installed in a data dir. */
  static final class CaSource {
    @Option(names = "--ca", paramLabel = "DIR", description = "CA folder (ca.crt, ca.key).")
    Path ca;
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Folder of a member installed by 'install': its CA and client URL.")
    Path dataDir;
  }

  /** Writes the archive, 0600, atomically; for the monitor role, also its etcd user and role. */
  @Command(name = "package", mixinStandardHelpOptions = true,
      description = {"Write client.crt, client.key, ca.crt and a README into a .tar.gz (0600).",
          "--role monitor: a certificate of its own (CN etcd-warden-monitor) and, in etcd, a user",
          "and role of that name that may read /etcd-warden/ only (reached through ETCDCTL_*",
          "or warden.yaml; with auth enabled, as a root user: --user root)."})
  static final class Package implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1") CaSource source;
    @Option(names = "--output", paramLabel = "FILE", defaultValue = "etcd_client_credentials.tar.gz",
        description = "Archive to write (default: ${DEFAULT-VALUE}).")
    Path output;
    @Option(names = "--endpoints", paramLabel = "URL,...",
        description = "Client URLs for the README (default: the member's, or"
            + " https://127.0.0.1:2379).")
    String endpoints;
    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "admin",
        description = "admin (default) or monitor: least privilege for Nagios/NRPE.")
    String role;
    @Option(names = "--no-etcd-user", description = "monitor: only the certificate; do not create"
        + " or check the etcd user and role (e.g. offline).")
    boolean noEtcdUser;
    @picocli.CommandLine.Mixin AuthOptions auth;
    @Spec CommandLine.Model.CommandSpec spec;
    private final Environment env;

    Package(Environment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      ClientRole clientRole = parseRole();
      Path ca = source.ca;
      List<URI> urls = List.of(URI.create("https://127.0.0.1:2379"));
      if (source.dataDir != null) {
        MemberRecord member = MemberRecord.load(new MemberLayout(source.dataDir));
        ca = member.requireCaDir("credentials package", "issue client certificates from your"
            + " own CA (or give --ca DIR and --endpoints " + member.clientUrl() + ")");
        urls = List.of(member.clientUrl());
      }
      if (endpoints != null) {
        urls = Endpoints.parseList(endpoints, true, "--endpoints");
        if (urls.isEmpty()) {
          throw WardenException.badInput("--endpoints is empty: give a value or leave the flag"
              + " out");
        }
      }
      Path written = new CredentialsPackager().write(ca, clientRole, urls, output);
      PrintWriter out = spec.commandLine().getOut();
      out.println("credentials: wrote " + written.toAbsolutePath() + " (mode 0600; holds"
          + " client.key of CN " + clientRole.commonName() + ")");
      out.flush();
      if (clientRole == ClientRole.MONITOR && !noEtcdUser) {
        String endpointFlag = endpoints != null ? endpoints
            : source.dataDir != null ? urls.get(0).toString() : null;
        WardenConfig config = WardenConfigLoader.load(Optional.empty());
        EtcdTarget target = EtcdTargetResolver.resolve(
            new TargetFlags(endpointFlag, null, null, null, null), env.variables(), config,
            WardenConfig.DEFAULT_PATH)
            .withCredentials(auth.resolve(env, config, WardenConfig.DEFAULT_PATH));
        try (EtcdClients clients = new EtcdClients(target)) {
          new MonitorAccess(clients).ensure().forEach(line -> out.println("etcd: " + line));
        }
        out.flush();
      }
      return 0;
    }

    private ClientRole parseRole() {
      return ClientRole.parse(role, "--role");
    }
  }
}
