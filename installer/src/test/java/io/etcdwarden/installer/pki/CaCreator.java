package io.etcdwarden.installer.pki;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A process of its own for {@link ConcurrentCaCreationTest}: loads or creates the CA in the
 * directory given, as an install does, and prints the SHA-256 of the CA certificate it got.
 */
public final class CaCreator {
  private CaCreator() {}

  public static void main(String[] args) throws Exception {
    Pki pki = Pki.loadOrCreateCa(Path.of(args[0]), "etcd-warden CA", Duration.ofDays(365));
    System.out.println(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(pki.caCertificate().getEncoded())));
  }
}
