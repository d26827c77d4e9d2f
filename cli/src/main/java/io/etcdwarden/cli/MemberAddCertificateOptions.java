package io.etcdwarden.cli;

import io.etcdwarden.installer.pki.BroughtCertificate;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code member add --member-cert --member-key --trusted-ca}: the new member's certificate from
 * the operator's own PKI, checked as {@code install --cert} checks it, instead of one from {@code
 * --ca}. The flags differ from install's because {@code member add}'s {@code --cert} and {@code
 * --key} are the client's that reach the running cluster.
 */
final class MemberAddCertificateOptions {
  @Option(names = "--member-cert", paramLabel = "FILE", description = "The new member's"
      + " certificate from your own CA (serverAuth and clientAuth, SANs for its hosts;"
      + " intermediates after it). --cert/--key are the client's that reach the cluster.")
  Path cert;
  @Option(names = "--member-key", paramLabel = "FILE", description = "The private key of"
      + " --member-cert.")
  Path key;
  @Option(names = "--trusted-ca", paramLabel = "FILE",
      description = "The CA certificate(s) members and clients are trusted by.")
  Path trustedCa;
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** The brought certificate, or null when none of the three flags is given. */
  BroughtCertificate certificate() {
    return BroughtCertificateOptions.certificate(cert, key, trustedCa, "--member-cert",
        "--member-key", command);
  }
}
