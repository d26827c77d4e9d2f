package io.etcdwarden.cli;

import io.etcdwarden.installer.install.MemberCertificateRequests;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden certs request}: on a new member's host, writes its key (0600) and a
 * certificate signing request for the hosts its install arguments give it, for {@code certs
 * sign} on the CA's host.
 */
@Command(name = "request", mixinStandardHelpOptions = true,
    description = {"Write a new member's key (0600) and a certificate request (NAME.csr) for",
        "the hosts its install arguments give it; sign it on the CA's host with 'certs sign'",
        "and install with --cert, --key and --trusted-ca. The CA key never moves."})
final class CertsRequestCommand implements Callable<Integer> {
  @Option(names = "--name", required = true, description = "Member name, as for install.")
  String name;
  @Option(names = "--initial-cluster", required = true, paramLabel = "NAME=URL,...",
      description = "The same --initial-cluster as install takes.")
  String initialCluster;
  @Option(names = "--advertise", paramLabel = "HOST",
      description = "As for install, when it differs from the member's --initial-cluster host.")
  String advertise;
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder for NAME.key and NAME.csr.")
  Path out;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path csr = new MemberCertificateRequests().request(name, initialCluster, advertise, out);
    PrintWriter o = spec.commandLine().getOut();
    o.println("wrote " + csr + " and its key " + csr.resolveSibling(name + ".key") + " (0600)");
    o.println("copy " + csr.getFileName() + " to the CA's host and run: etcd-warden certs sign"
        + " --csr " + csr.getFileName() + " --initial-cluster ... --out DIR");
    o.flush();
    return 0;
  }
}
