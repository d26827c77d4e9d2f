package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.tls.TlsFiles;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.core.files.BoundedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A member certificate from a PKI that is not ours ({@code install --cert --key --trusted-ca}):
 * the certificate (with any intermediates after it), its private key in any form etcd reads, and
 * the CA bundle etcd will trust. {@link #problems} says, one line each, everything that would
 * keep etcd from serving it to clients and peers; the installer refuses while there are any.
 * {@code certFlag} and {@code keyFlag} are the options the files came from, as refusals name them
 * ({@code member add} calls them {@code --member-cert} and {@code --member-key}: its {@code --cert}
 * and {@code --key} are the client's that reach the cluster).
 */
public record BroughtCertificate(Path cert, Path key, Path trustedCa, String certFlag,
    String keyFlag) {
  /** The files as {@code install --cert --key --trusted-ca} names them. */
  public BroughtCertificate(Path cert, Path key, Path trustedCa) {
    this(cert, key, trustedCa, "--cert", "--key");
  }

  /** Everything wrong with these files for a member reached at {@code hosts}, at {@code now}. */
  public List<String> problems(List<String> hosts, Instant now) {
    List<String> problems = new ArrayList<>();
    List<X509Certificate> chain = read(problems, () -> TlsFiles.certificates("member certificate",
        cert, certFlag));
    PrivateKey privateKey = read(problems, () -> TlsFiles.privateKey("member key", key, keyFlag));
    List<X509Certificate> cas = read(problems, () -> TlsFiles.certificates("trusted CA file",
        trustedCa, "--trusted-ca"));
    if (chain == null) {
      return problems;
    }
    X509Certificate leaf = chain.get(0);
    String name = certFlag + " " + cert;
    if (privateKey != null && !TlsFiles.keyMatches(privateKey, leaf)) {
      problems.add(keyFlag + " " + key + " does not belong to " + name
          + "; give the key the certificate was issued for");
    }
    problems.addAll(MemberCertificateRules.validity(leaf, name, now));
    problems.addAll(MemberCertificateRules.usages(leaf, name));
    problems.addAll(MemberCertificateRules.missingHosts(leaf, name, hosts));
    if (cas != null && !MemberCertificateRules.chainsTo(chain, cas)) {
      problems.add(name + " is not signed by a CA in --trusted-ca " + trustedCa + " (its issuer"
          + " is " + leaf.getIssuerX500Principal().getName() + "); give the CA that issued it,"
          + " or put the intermediates after the certificate in " + certFlag);
    }
    return problems;
  }

  /** Refuses in one line per problem, as one {@link WardenException}. */
  public void require(List<String> hosts, Instant now) {
    List<String> problems = problems(hosts, now);
    if (problems.size() == 1) {
      throw WardenException.badInput("refusing the member certificate: " + problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw WardenException.badInput("refusing the member certificate, " + problems.size()
          + " problems:\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * Copies the three files into {@code tlsDir} under the names an installed member uses ({@code
   * NAME.crt}, {@code NAME.key} 0600, {@code ca.crt}), each published atomically.
   */
  public CertFiles place(String name, Path tlsDir) {
    CertFiles placed = new CertFiles(tlsDir.resolve(name + ".crt"), tlsDir.resolve(name + ".key"),
        tlsDir.resolve(Pki.CA_CERT_FILE));
    AtomicFileWriter writer = new AtomicFileWriter();
    writer.write(placed.ca(), bytes(trustedCa), AtomicFileWriter.WORLD_READABLE);
    writer.write(placed.key(), bytes(key), AtomicFileWriter.OWNER_ONLY);
    writer.write(placed.cert(), bytes(cert), AtomicFileWriter.WORLD_READABLE);
    return placed;
  }

  private static byte[] bytes(Path file) {
    try {
      return BoundedFile.bytes(file, BoundedFile.SMALL_FILE_BYTES, "PEM file");
    } catch (IOException e) {
      throw WardenException.badInput("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private interface Read<T> {
    T get();
  }

  private static <T> T read(List<String> problems, Read<T> read) {
    try {
      return read.get();
    } catch (WardenException e) {
      problems.add(e.getMessage());
      return null;
    }
  }
}
