package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.installer.credentials.CredentialsPackager;
import io.etcdwarden.installer.pki.Pki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Makes the new CA the CA folder's own once members trust it alone: the old {@code ca.crt} and
 * {@code ca.key} are kept in {@code rotation/old/}, the new ones take their place (key 0600), and
 * the packaged clients' {@code ca.crt} becomes the new CA. Does nothing when already done, so
 * hosts sharing one CA folder may each run it.
 */
final class CaFolderSwitch {
  private final Path caDir;
  private final RotationFiles files;
  private final AtomicFileWriter writer = new AtomicFileWriter();

  CaFolderSwitch(Path caDir, RotationFiles files) {
    this.caDir = caDir;
    this.files = files;
  }

  List<String> apply() {
    try {
      byte[] newCert = Files.readAllBytes(files.newCaDir().resolve(Pki.CA_CERT_FILE));
      Path cert = caDir.resolve(Pki.CA_CERT_FILE);
      if (Arrays.equals(Files.readAllBytes(cert), newCert)) {
        return List.of();
      }
      Path key = caDir.resolve(Pki.CA_KEY_FILE);
      Files.createDirectories(files.oldCaDir());
      writer.write(files.oldCaDir().resolve(Pki.CA_CERT_FILE), Files.readAllBytes(cert),
          AtomicFileWriter.WORLD_READABLE);
      writer.write(files.oldCaDir().resolve(Pki.CA_KEY_FILE), Files.readAllBytes(key),
          AtomicFileWriter.OWNER_ONLY);
      writer.write(cert, newCert, AtomicFileWriter.WORLD_READABLE);
      writer.write(key, Files.readAllBytes(files.newCaDir().resolve(Pki.CA_KEY_FILE)),
          AtomicFileWriter.OWNER_ONLY);
      Path clientsCa = CredentialsPackager.clientFiles(caDir).ca();
      if (Files.exists(clientsCa)) {
        writer.write(clientsCa, newCert, AtomicFileWriter.WORLD_READABLE);
      }
      return List.of("the CA folder " + caDir + " now holds the new CA; the old one is kept in "
          + files.oldCaDir());
    } catch (IOException e) {
      throw new WardenException("cannot switch the CA folder " + caDir + " to the new CA: "
          + e.getMessage() + "; the old CA is in " + files.oldCaDir(), e);
    }
  }
}
