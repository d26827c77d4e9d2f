package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.pki.BroughtCertificate;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code install --cert --key --trusted-ca}: a member certificate from the operator's own PKI
 * (Vault, a corporate CA, or {@code certs sign} on the CA's host) instead of one from {@code --ca}.
 */
final class BroughtCertificateOptions {
  @Option(names = "--cert", paramLabel = "FILE", description = "The member's certificate from"
      + " your own CA (serverAuth and clientAuth, SANs for its hosts; intermediates after it).")
  Path cert;
  @Option(names = "--key", paramLabel = "FILE", description = "The private key of --cert.")
  Path key;
  @Option(names = "--trusted-ca", paramLabel = "FILE",
      description = "The CA certificate(s) members and clients are trusted by.")
  Path trustedCa;
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** The brought certificate, or null when none of the three flags is given. */
  BroughtCertificate certificate() {
    return certificate(cert, key, trustedCa, "--cert", "--key", command);
  }

  /**
   * The three files given under these flag names, all or none; null for none. An explicit
   * {@code --ca} beside them is refused: the member would not use that CA, and silently leaving
   * out what an operator asked for is worse than one line saying so.
   */
  static BroughtCertificate certificate(Path cert, Path key, Path trustedCa, String certFlag,
      String keyFlag, CommandSpec command) {
    if (cert == null && key == null && trustedCa == null) {
      return null;
    }
    if (command.commandLine().getParseResult().hasMatchedOption("--ca")) {
      throw WardenException.badInput("--ca does not go with " + certFlag + ": the member's"
          + " certificate and trust come from " + certFlag + ", " + keyFlag + " and --trusted-ca;"
          + " leave out --ca");
    }
    if (cert == null || key == null || trustedCa == null) {
      throw WardenException.badInput("give " + certFlag + ", " + keyFlag + " and --trusted-ca"
          + " together (missing " + (cert == null ? certFlag : key == null ? keyFlag
          : "--trusted-ca") + ")");
    }
    return new BroughtCertificate(cert, key, trustedCa, certFlag, keyFlag);
  }
}
