package io.etcdwarden.core.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a certificate step changed that copies held elsewhere (the NRPE user's, made by {@code
 * nrpe install}) must follow so that monitoring goes on working: a trusted-CA file replaced
 * ({@code oldCaPem} by the file {@code trust}), and client certificates issued again ({@code
 * oldCertificatePem} by the files {@code ca}, {@code cert}, {@code key}). A copy is refreshed
 * only when it is byte for byte the old one, so copies of other identities are never touched.
 */
public record CredentialHandOver(Optional<Trust> trust, List<Client> clients) {
  /** A trusted-CA file that replaced {@code oldCaPem}. */
  public record Trust(byte[] oldCaPem, Path trust) {}

  /** A client certificate issued again: the old PEM and the new files. */
  public record Client(byte[] oldCertificatePem, Path ca, Path cert, Path key) {}

  /** Nothing to hand over. */
  public static CredentialHandOver none() {
    return new CredentialHandOver(Optional.empty(), List.of());
  }

  /** Only the trusted-CA file changed. */
  public static CredentialHandOver trust(byte[] oldCaPem, Path trust) {
    return new CredentialHandOver(Optional.of(new Trust(oldCaPem, trust)), List.of());
  }
}
