package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.pki.BroughtCertificate;
import java.nio.file.Path;
import picocli.CommandLine.Option;

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

  /** The brought certificate, or null when none of the three flags is given. */
  BroughtCertificate certificate() {
    return certificate(cert, key, trustedCa, "--cert", "--key");
  }

  /** The three files given under these flag names, all or none; null for none. */
  static BroughtCertificate certificate(Path cert, Path key, Path trustedCa, String certFlag,
      String keyFlag) {
    if (cert == null && key == null && trustedCa == null) {
      return null;
    }
    if (cert == null || key == null || trustedCa == null) {
      throw WardenException.badInput("give " + certFlag + ", " + keyFlag + " and --trusted-ca"
          + " together (missing " + (cert == null ? certFlag : key == null ? keyFlag
          : "--trusted-ca") + ")");
    }
    return new BroughtCertificate(cert, key, trustedCa, certFlag, keyFlag);
  }
}
