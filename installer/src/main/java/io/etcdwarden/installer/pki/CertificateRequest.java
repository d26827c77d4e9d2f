package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.core.files.BoundedFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * A PKCS#10 certificate signing request for one member ({@code certs request}): subject
 * {@code CN=NAME}, the member's hosts as subjectAltNames, signed with a new ECDSA P-256 key that
 * never leaves the host that made it. {@link #read} loads one made here or by {@code openssl req}
 * and checks its signature, so the CA's host learns who asks and for which names.
 */
public record CertificateRequest(String commonName, List<String> hosts, PublicKey publicKey) {
  /** File name of the request written for member {@code name}. */
  public static String fileName(String name) {
    return name + ".csr";
  }

  /** Writes {@code NAME.key} (0600) and {@code NAME.csr} into {@code outDir}; returns the CSR. */
  public static Path write(String name, List<String> hosts, Path outDir) {
    IssueRules.requireCredentialName(name, "member name");
    Path keyFile = outDir.resolve(name + ".key");
    if (Files.exists(keyFile)) {
      throw WardenException.badInput(keyFile + " already exists; a new request would replace"
          + " its key, remove it first or choose another --out");
    }
    KeyPair keys = EcKeys.generate(new SecureRandom());
    try {
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(Extension.subjectAlternativeName, false,
          SubjectAltNames.forHosts(hosts));
      var builder = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + name),
          keys.getPublic()).addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
              extensions.generate());
      PKCS10CertificationRequest csr = builder.build(
          new JcaContentSignerBuilder(EcKeys.SIGNATURE_ALGORITHM).build(keys.getPrivate()));
      StringWriter text = new StringWriter();
      try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
        pem.writeObject(csr);
      }
      new PemFiles().writePrivateKey(keyFile, keys.getPrivate());
      Path csrFile = outDir.resolve(fileName(name));
      new AtomicFileWriter().write(csrFile, text.toString().getBytes(StandardCharsets.US_ASCII),
          AtomicFileWriter.WORLD_READABLE);
      return csrFile;
    } catch (IOException | OperatorCreationException e) {
      throw new WardenException("cannot write the request for " + name + ": " + e.getMessage(), e);
    }
  }

  /** Reads and verifies the request in {@code file}; one line naming it when it is not one. */
  public static CertificateRequest read(Path file) {
    try {
      String text = new String(BoundedFile.bytes(file, BoundedFile.SMALL_FILE_BYTES, "CSR"),
          StandardCharsets.ISO_8859_1);
      PemObject block;
      try (PemReader reader = new PemReader(new StringReader(text))) {
        block = reader.readPemObject();
      }
      if (block == null || !block.getType().equals("CERTIFICATE REQUEST")) {
        throw WardenException.badInput("--csr " + file + " holds no PEM CERTIFICATE REQUEST");
      }
      var csr = new JcaPKCS10CertificationRequest(block.getContent());
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getPublicKey()))) {
        throw WardenException.badInput("--csr " + file + " has a bad signature; make it again");
      }
      return new CertificateRequest(commonName(csr.getSubject(), file), hosts(csr),
          csr.getPublicKey());
    } catch (IOException | RuntimeException | GeneralSecurityException | PKCSException
        | OperatorCreationException e) {
      if (e instanceof WardenException w) {
        throw w;
      }
      throw WardenException.badInput("cannot read --csr " + file + ": " + e.getMessage(), e);
    }
  }

  private static String commonName(X500Name subject, Path file) {
    String dn = new X500Principal(subjectDer(subject)).getName(X500Principal.RFC2253);
    if (!dn.startsWith("CN=") || dn.contains(",")) {
      throw WardenException.badInput("--csr " + file + " asks for subject " + dn + "; a member"
          + " request names the member only (CN=NAME), as 'certs request' makes it");
    }
    return dn.substring(3);
  }

  private static byte[] subjectDer(X500Name subject) {
    try {
      return subject.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("encoding a parsed name cannot fail", e);
    }
  }

  private static List<String> hosts(PKCS10CertificationRequest csr) {
    List<String> hosts = new ArrayList<>();
    var extensions = csr.getRequestedExtensions();
    GeneralNames names = extensions == null ? null
        : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
    if (names != null) {
      for (GeneralName n : names.getNames()) {
        hosts.add(SubjectAltNames.text(n));
      }
    }
    return hosts;
  }
}
