package io.etcdwarden.cli;

import io.etcdwarden.installer.install.MemberCertificateRequests;
import io.etcdwarden.installer.pki.CertFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden certs sign}: on the CA's host, signs a member's certificate request once its
 * names match the member it asks for, so new members join without a copy of the CA key.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
    description = {"Sign a member's certificate request ('certs request') with the CA, after",
        "checking that it names a member of --initial-cluster and only that member's hosts."})
final class CertsSignCommand implements Callable<Integer> {
  @Option(names = "--csr", required = true, paramLabel = "FILE", description = "The request.")
  Path csr;
  @Option(names = "--ca", paramLabel = "DIR", defaultValue = "/etc/etcd-warden/ca",
      description = "CA folder (ca.crt, ca.key) (default: ${DEFAULT-VALUE}).")
  Path ca;
  @Option(names = "--initial-cluster", required = true, paramLabel = "NAME=URL,...",
      description = "The cluster's --initial-cluster: the member's host is taken from it.")
  String initialCluster;
  @Option(names = "--add-san", paramLabel = "HOST",
      description = "Another host the member may be named by, e.g. its --advertise (repeatable).")
  List<String> addSans = new ArrayList<>();
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder for NAME.crt and ca.crt.")
  Path out;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CertFiles signed = new MemberCertificateRequests().sign(csr, ca, initialCluster, addSans,
        out);
    PrintWriter o = spec.commandLine().getOut();
    o.println("signed " + signed.cert() + " (CA certificate beside it: " + signed.ca() + ")");
    o.println("copy both to the member's host and install it with --cert "
        + signed.cert().getFileName() + " --key " + signed.key().getFileName()
        + " --trusted-ca " + signed.ca().getFileName());
    o.flush();
    return 0;
  }
}
