package io.etcdwarden.installer.credentials;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.core.files.BoundedFile;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.Pki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Packs client credentials for a cluster into one archive, as the charm's {@code
 * package-client-credentials} action did: {@code client.crt}, {@code client.key} (entry mode
 * 0600), {@code ca.crt} and a {@code README.txt} with the {@code export ETCDCTL_*} lines. The
 * client certificate is issued once into {@code CA/clients/} and reused afterwards, so packaging
 * again hands out the same identity. The archive is written atomically with mode 0600: it holds
 * a private key.
 */
public final class CredentialsPackager {
  /** The client identity handed out in packages. */
  public static final String CLIENT_NAME = "client";
  /** Validity of a newly issued packaged client certificate. */
  public static final Duration CLIENT_VALIDITY = Duration.ofDays(1825);

  private final ReadmeRenderer readme = new ReadmeRenderer();

  /** Writes the package for the CA in {@code caDir} to {@code output}, naming {@code endpoints}. */
  public Path write(Path caDir, List<URI> endpoints, Path output) {
    return write(caDir, ClientRole.ADMIN, endpoints, output);
  }

  /**
   * As {@link #write(Path, List, Path)}, with the client certificate of {@code role}: each role
   * has its own CN, issued once and reused. The entries keep their names (client.crt, ...).
   */
  public Path write(Path caDir, ClientRole role, List<URI> endpoints, Path output) {
    if (!Files.exists(caDir.resolve(Pki.CA_KEY_FILE))) {
      throw WardenException.badInput("CA key " + caDir.resolve(Pki.CA_KEY_FILE)
          + " is missing; fix --ca (or --data-dir) to name the cluster's CA");
    }
    CertFiles client = existingOrNew(Pki.loadCa(caDir), caDir, role);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      add(tar, "ca.crt", pem(client.ca()), 0644);
      add(tar, "client.crt", pem(client.cert()), 0644);
      add(tar, "client.key", pem(client.key()), 0600);
      add(tar, "README.txt", readme.render(endpoints).getBytes(StandardCharsets.UTF_8), 0644);
    } catch (IOException e) {
      throw new WardenException("cannot read the credentials in " + caDir + ": " + e.getMessage(), e);
    }
    new AtomicFileWriter().write(output, bytes.toByteArray(), AtomicFileWriter.OWNER_ONLY);
    return output;
  }

  /** Where the packaged client certificate of the CA in {@code caDir} is kept. */
  public static CertFiles clientFiles(Path caDir) {
    return clientFiles(caDir, ClientRole.ADMIN);
  }

  /** Where the packaged client certificate of {@code role} is kept. */
  public static CertFiles clientFiles(Path caDir, ClientRole role) {
    Path dir = caDir.resolve("clients");
    String name = role.commonName();
    return new CertFiles(dir.resolve(name + ".crt"), dir.resolve(name + ".key"),
        dir.resolve(Pki.CA_CERT_FILE));
  }

  private static CertFiles existingOrNew(Pki pki, Path caDir, ClientRole role) {
    CertFiles existing = clientFiles(caDir, role);
    if (Files.isRegularFile(existing.cert()) && Files.isRegularFile(existing.key())
        && Files.isRegularFile(existing.ca())) {
      return existing;
    }
    return pki.issueClient(role.commonName(), existing.cert().getParent(), CLIENT_VALIDITY);
  }

  private static byte[] pem(Path file) throws IOException {
    return BoundedFile.bytes(file, BoundedFile.SMALL_FILE_BYTES, "PEM file");
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] content, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    entry.setMode(mode);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}
