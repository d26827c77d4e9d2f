package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.nrpe.NagiosContext;
import io.etcdwarden.nrpe.MonitorClientFiles;
import io.etcdwarden.nrpe.NagiosCredentials;
import io.etcdwarden.nrpe.NrpeCheck;
import io.etcdwarden.nrpe.NrpeConfigWriter;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden nrpe install}: copies the TLS files for the NRPE user (NRPE runs checks as
 * {@code nagios}, which cannot read a root-only key), then writes the NRPE command file naming
 * those copies and the Nagios service export. Says what it did; reload NRPE afterwards.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = {"Give the NRPE user its copy of the TLS files, then write the NRPE command",
        "file and the Nagios service export. Re-run after changing the context or certificates."})
final class NrpeInstallCommand implements Callable<Integer> {
  @Mixin NrpeOptions options;

  @Option(names = "--nrpe-user", paramLabel = "USER", defaultValue = "nagios",
      description = "User NRPE runs checks as (default ${DEFAULT-VALUE}).")
  String nrpeUser;

  @Option(names = "--client-role", paramLabel = "ROLE", defaultValue = "monitor",
      description = "monitor (default): the certificate from --monitor-dir; admin: the cluster's"
          + " client certificate (--cert, ETCDCTL_CERT, etcd.cert).")
  String clientRole;

  @Option(names = "--monitor-dir", paramLabel = "DIR", defaultValue = MonitorClientFiles.DEFAULT_DIR,
      description = "Where 'credentials package --role monitor' was unpacked (default"
          + " ${DEFAULT-VALUE}).")
  Path monitorDir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  private final Environment env;

  NrpeInstallCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    EtcdTarget cluster = options.target.resolve(env);
    NagiosContext context = options.nagiosContext();
    Path credentialsDir = options.credentialsDir();
    if (!clientRole.equals("monitor") && !clientRole.equals("admin")) {
      throw WardenException.badInput("--client-role must be monitor or admin, got '" + clientRole
          + "'");
    }
    MonitorClientFiles files = MonitorClientFiles.choose(clientRole.equals("monitor"),
        monitorDir, cluster.caFile(), cluster.certFile(), cluster.keyFile());
    files.warning().ifPresent(spec.commandLine().getErr()::println);
    NagiosCredentials.Copies copies = new NagiosCredentials(credentialsDir, nrpeUser)
        .install(files.cacert(), files.cert(), files.key());
    NrpeCheck check = options.check(cluster, copies);
    NrpeConfigWriter writer = new NrpeConfigWriter(options.nrpeDir, options.exportDir);
    List<Path> written = new ArrayList<>(writer.write(check, context));
    options.backupCheck(cluster, copies).ifPresent(b -> written.addAll(writer.write(b, context)));
    PrintWriter out = spec.commandLine().getOut();
    out.println("copied the TLS files for user " + nrpeUser + " into " + credentialsDir
        + " (key mode 0400, owner " + nrpeUser + "); re-run after rotating certificates");
    written.forEach(p -> out.println("wrote " + p));
    out.println("reload NRPE to pick up " + check.command() + ", e.g. systemctl reload "
        + "nagios-nrpe-server");
    out.flush();
    return 0;
  }
}
