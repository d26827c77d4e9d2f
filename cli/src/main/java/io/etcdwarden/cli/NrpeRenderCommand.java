package io.etcdwarden.cli;

import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.nrpe.NagiosContext;
import io.etcdwarden.nrpe.NagiosCredentials;
import io.etcdwarden.nrpe.NrpeCheck;
import io.etcdwarden.nrpe.NrpeConfigRenderer;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code etcd-warden nrpe render}: prints both files exactly as install would write them. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Print the NRPE command file and the Nagios service definition; write nothing.")
final class NrpeRenderCommand implements Callable<Integer> {
  @Mixin NrpeOptions options;
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  private final Environment env;

  NrpeRenderCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    EtcdTarget cluster = options.target.resolve(env);
    NagiosContext context = options.nagiosContext();
    // The paths install would give the NRPE user's copies, so both print the same command.
    NagiosCredentials.Copies copies = NagiosCredentials.planned(options.credentialsDir(),
        cluster.caFile(), cluster.certFile(), cluster.keyFile());
    PrintWriter out = spec.commandLine().getOut();
    List<NrpeCheck> checks = new ArrayList<>(List.of(options.check(cluster, copies)));
    options.backupCheck(cluster, copies).ifPresent(checks::add);
    for (NrpeCheck c : checks) {
      out.println("# " + options.nrpeDir.resolve(NrpeConfigRenderer.commandFileName(c)));
      out.print(NrpeConfigRenderer.commandFile(c, context));
      out.println("# " + options.exportDir.resolve(
          NrpeConfigRenderer.serviceFileName(c, context)));
      out.print(NrpeConfigRenderer.serviceFile(c, context));
    }
    out.flush();
    return 0;
  }
}
