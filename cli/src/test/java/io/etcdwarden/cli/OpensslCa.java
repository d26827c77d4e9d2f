package io.etcdwarden.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An external CA made with the real {@code openssl} binary, not with our PKI, as a corporate CA
 * or Vault would hand out certificates: an ECDSA root, and member certificates with an RSA key
 * (PKCS#8, as OpenSSL 3 writes it) whose SANs and extended key usages the test chooses.
 */
final class OpensslCa {
  /** The extensions etcd needs on a member certificate for 127.0.0.1. */
  static final String GOOD = "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
      + "extendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature,keyEncipherment\n";

  final Path dir;
  final Path cert;
  final Path key;

  /** Creates the CA's self-signed certificate and key in {@code dir}. */
  OpensslCa(Path dir, String commonName) throws Exception {
    this.dir = Files.createDirectories(dir);
    this.cert = dir.resolve("ca.crt");
    this.key = dir.resolve("ca.key");
    Shell.run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
        "-days", "30", "-subj", "/CN=" + commonName);
  }

  /** Issues {@code NAME.crt} and {@code NAME.key} for subject CN=name with {@code extensions}. */
  Path[] issue(String name, String extensions) throws Exception {
    Files.writeString(dir.resolve(name + ".ext"), extensions);
    Shell.run(dir, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout",
        name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
    return sign(name + ".csr", name, extensions);
  }

  /** Signs the request in {@code csr} (a file in this CA's folder) as {@code NAME.crt}. */
  Path[] sign(String csr, String name, String extensions) throws Exception {
    Files.writeString(dir.resolve(name + ".ext"), extensions);
    Shell.run(dir, "openssl", "x509", "-req", "-in", csr, "-CA", "ca.crt", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "10", "-extfile", name + ".ext", "-out", name + ".crt");
    return new Path[] {dir.resolve(name + ".crt"), dir.resolve(name + ".key")};
  }

  /** The SHA-256 fingerprint line openssl prints for the certificate in {@code file}. */
  static String fingerprint(Path file) throws Exception {
    return Shell.run(file.getParent(), "openssl", "x509", "-in", file.toString(), "-noout",
        "-fingerprint", "-sha256").strip();
  }
}
