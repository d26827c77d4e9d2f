package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * A certificate authority kept in one directory ({@code ca.crt}, {@code ca.key}) that issues the
 * credentials of an etcd cluster with mutual TLS: member certificates that serve and dial both
 * client and peer traffic, and client certificates for etcdctl, checks and backups. All keys are
 * ECDSA P-256 in PKCS#8 PEM, written owner-only. Validity windows come from an injected {@link
 * Clock} and start an hour in the past, so a member whose clock runs slightly behind the CA's
 * host still accepts a fresh certificate.
 */
public final class Pki {
  /** File name of the CA certificate in the CA directory and beside every issued credential. */
  public static final String CA_CERT_FILE = "ca.crt";
  /** File name of the CA private key in the CA directory. */
  public static final String CA_KEY_FILE = "ca.key";
  /** How far notBefore is backdated to tolerate clock skew between hosts. */
  public static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofHours(1);

  private static final String CA_REMEDY =
      "restore the CA files from a backup, or create a new CA in an empty directory";

  private final Path dir;
  private final X509Certificate caCertificate;
  private final PrivateKey caKey;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final PemFiles pem = new PemFiles();
  private final CertificateSigner signer = new CertificateSigner(random);

  private Pki(Path dir, X509Certificate caCertificate, PrivateKey caKey, Clock clock) {
    this.dir = dir;
    this.caCertificate = caCertificate;
    this.caKey = caKey;
    this.clock = clock;
  }

  /** Creates a new CA in {@code dir}, using the system clock in UTC. */
  public static Pki createCa(Path dir, String commonName, Duration validity) {
    return createCa(dir, commonName, validity, Clock.systemUTC());
  }

  /**
   * Creates a new CA in {@code dir}; refuses if {@code dir} already holds a CA key, also when
   * another process created one a moment ago (creation holds the directory's lock).
   */
  public static Pki createCa(Path dir, String commonName, Duration validity, Clock clock) {
    try (CaDirectoryLock lock = CaDirectoryLock.acquire(dir)) {
      return createLocked(dir, commonName, validity, clock);
    }
  }

  private static Pki createLocked(Path dir, String commonName, Duration validity, Clock clock) {
    Path keyFile = dir.resolve(CA_KEY_FILE);
    if (Files.exists(keyFile)) {
      throw WardenException.badInput(
          "CA key " + keyFile + " already exists; load that CA or create a new one elsewhere");
    }
    if (commonName == null || commonName.isBlank()) {
      throw WardenException.badInput("CA common name is empty; give the CA a name");
    }
    IssueRules.requirePositive(validity, "CA validity");
    Instant now = clock.instant();
    SecureRandom random = new SecureRandom();
    KeyPair keys = EcKeys.generate(random);
    X509Certificate cert =
        new CertificateSigner(random)
            .selfSignedCa(keys, commonName, now.minus(CLOCK_SKEW_ALLOWANCE), now.plus(validity));
    PemFiles pem = new PemFiles();
    // Certificate first: a crash in between leaves no key, so a retry is not refused.
    pem.writeCertificate(dir.resolve(CA_CERT_FILE), cert);
    pem.writePrivateKey(keyFile, keys.getPrivate());
    return new Pki(dir, cert, keys.getPrivate(), clock);
  }

  /** Loads the CA kept in {@code dir}, using the system clock in UTC. */
  public static Pki loadCa(Path dir) {
    return loadCa(dir, Clock.systemUTC());
  }

  /** Loads the CA kept in {@code dir}; every unreadable file is named in the failure. */
  public static Pki loadCa(Path dir, Clock clock) {
    PemFiles pem = new PemFiles();
    Path certFile = dir.resolve(CA_CERT_FILE);
    Path keyFile = dir.resolve(CA_KEY_FILE);
    X509Certificate cert = pem.readCertificate(certFile, CA_REMEDY);
    PrivateKey key = pem.readPrivateKey(keyFile, CA_REMEDY);
    if (cert.getBasicConstraints() < 0) {
      throw WardenException.badInput(
          "cannot use " + certFile + ": it is not a CA certificate; " + CA_REMEDY);
    }
    if (!EcKeys.matches(key, cert.getPublicKey())) {
      throw WardenException.badInput(
          "CA key " + keyFile + " does not belong to " + certFile + "; " + CA_REMEDY);
    }
    return new Pki(dir, cert, key, clock);
  }

  /** Loads the CA in {@code dir} if it has a key, else creates one; system clock in UTC. */
  public static Pki loadOrCreateCa(Path dir, String commonName, Duration validity) {
    return loadOrCreateCa(dir, commonName, validity, Clock.systemUTC());
  }

  /**
   * Loads the CA in {@code dir} if it has a key, else creates one, as one step under the
   * directory's lock: of installs racing on a directory without a CA, one creates it and every
   * other loads that one.
   */
  public static Pki loadOrCreateCa(Path dir, String commonName, Duration validity, Clock clock) {
    try (CaDirectoryLock lock = CaDirectoryLock.acquire(dir)) {
      return Files.exists(dir.resolve(CA_KEY_FILE))
          ? loadCa(dir, clock)
          : createLocked(dir, commonName, validity, clock);
    }
  }

  /**
   * Issues the certificate of one etcd member, valid for TLS server and client use, because
   * etcd presents the same certificate to clients, to peers that dial it, and when it dials
   * peers. {@code hosts} are the member's IPs and DNS names; 127.0.0.1 and localhost are added.
   */
  public CertFiles issueMember(
      String memberName, List<String> hosts, Path outDir, Duration validity) {
    IssueRules.requireCredentialName(memberName, "member name");
    GeneralNames altNames = SubjectAltNames.forHosts(hosts);
    KeyPurposeId[] purposes = {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth};
    return issue(memberName, purposes, altNames, outDir, validity);
  }

  /** Issues a client certificate (clientAuth only) for etcdctl, checks or backups. */
  public CertFiles issueClient(String commonName, Path outDir, Duration validity) {
    IssueRules.requireCredentialName(commonName, "client name");
    KeyPurposeId[] purposes = {KeyPurposeId.id_kp_clientAuth};
    return issue(commonName, purposes, null, outDir, validity);
  }

  /** The CA certificate file in the CA directory. */
  public Path caCertFile() {
    return dir.resolve(CA_CERT_FILE);
  }

  /** The CA certificate, for trust anchors and for checking chains. */
  public X509Certificate caCertificate() {
    return caCertificate;
  }

  private CertFiles issue(
      String name, KeyPurposeId[] purposes, GeneralNames altNames, Path outDir, Duration validity) {
    KeyPair keys = EcKeys.generate(random);
    X509Certificate cert = sign(name, keys.getPublic(), purposes, altNames, validity);
    Path certFile = outDir.resolve(name + ".crt");
    Path keyFile = outDir.resolve(name + ".key");
    Path caCopy = placeCaCertificate(outDir);
    pem.writePrivateKey(keyFile, keys.getPrivate());
    pem.writeCertificate(certFile, cert);
    return new CertFiles(certFile, keyFile, caCopy);
  }

  /** Signs {@code key}, made elsewhere (a certificate request's), as this CA's leaf. */
  X509Certificate sign(String name, PublicKey key, KeyPurposeId[] purposes,
      GeneralNames altNames, Duration validity) {
    Instant now = clock.instant();
    Instant notAfter = IssueRules.notAfter(name, now, validity,
        caCertificate.getNotAfter().toInstant(), dir);
    return signer.leaf(caCertificate, caKey, name, key, now.minus(CLOCK_SKEW_ALLOWANCE),
        notAfter, purposes, altNames);
  }

  /** Puts ca.crt beside issued credentials, refusing to replace another CA's certificate. */
  Path placeCaCertificate(Path outDir) {
    Path copy = outDir.resolve(CA_CERT_FILE);
    if (!Files.exists(copy)) {
      pem.writeCertificate(copy, caCertificate);
      return copy;
    }
    String remedy = "remove it or issue into another directory";
    if (!caCertificate.equals(pem.readCertificate(copy, remedy))) {
      throw WardenException.badInput(
          copy + " holds a different CA certificate than " + caCertFile() + "; " + remedy);
    }
    return copy;
  }
}
