package io.etcdwarden.installer.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one issued credential landed on disk: the PEM certificate, its PKCS#8 private key (mode
 * 0600) and the CA certificate that signed it, copied beside them so the three can be handed to
 * etcd ({@code cert-file}, {@code key-file}, {@code trusted-ca-file}) or to etcdctl ({@code
 * --cert}, {@code --key}, {@code --cacert}) as one directory.
 */
public record CertFiles(Path cert, Path key, Path ca) {
  public CertFiles {
    Objects.requireNonNull(cert, "cert");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ca, "ca");
  }
}
