package io.etcdwarden.cli;

import io.etcdwarden.installer.install.MemberInstaller;
import io.etcdwarden.installer.pki.Pki;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden ca init}: creates the cluster's CA on its own, no member installed. */
@Command(name = "ca", mixinStandardHelpOptions = true,
    description = "Create the cluster's CA on a host of its own.",
    subcommands = CaCommand.Init.class)
final class CaCommand extends GroupCommand {

  /** Creates a CA (ECDSA P-256, key 0600) in an empty or absent folder. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Create a CA (ca.crt, ca.key 0600) without installing a member; members",
          "then join with 'certs request' and 'certs sign', or install with --ca DIR."})
  static final class Init implements Callable<Integer> {
    @Option(names = "--ca", paramLabel = "DIR", defaultValue = "/etc/etcd-warden/ca",
        description = "CA folder (default: ${DEFAULT-VALUE}).")
    Path ca;
    @Option(names = "--common-name", paramLabel = "CN", defaultValue = "etcd-warden CA",
        description = "The CA's subject (default: ${DEFAULT-VALUE}).")
    String commonName;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Pki pki = Pki.createCa(ca, commonName, MemberInstaller.CA_VALIDITY);
      PrintWriter out = spec.commandLine().getOut();
      out.println("created CA " + pki.caCertFile() + " (key " + ca.resolve(Pki.CA_KEY_FILE)
          + ", 0600), valid until " + pki.caCertificate().getNotAfter().toInstant());
      out.flush();
      return 0;
    }
  }
}
