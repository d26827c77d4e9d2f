package io.etcdwarden.nrpe;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a client certificate was renewed, brings the NRPE user's copies ({@link
 * NagiosCredentials}) up to date: only when the copy there is of the certificate that was
 * replaced (byte for byte), so copies of another identity are never touched. Each copy is
 * replaced atomically and keeps its owner and mode (the key stays readable by that user only).
 */
public final class NagiosCredentialsRefresh {
  private final Path dir;
  private final AtomicFileWriter files = new AtomicFileWriter();

  /** {@code dir}: the NRPE user's folder that {@code nrpe install} filled. */
  public NagiosCredentialsRefresh(Path dir) {
    this.dir = dir;
  }

  /**
   * Replaces the copies when {@code dir}'s client certificate is {@code oldCertificatePem}; returns
   * the files replaced, none when there is no copy or it is of another certificate.
   */
  public List<Path> refresh(byte[] oldCertificatePem, Path ca, Path cert, Path key) {
    Path copiedCert = dir.resolve(NagiosCredentials.CERT);
    try {
      if (!Files.isRegularFile(copiedCert)
          || !Arrays.equals(Files.readAllBytes(copiedCert), oldCertificatePem)) {
        return List.of();
      }
      List<Path> replaced = new ArrayList<>();
      for (var copy : Map.of(NagiosCredentials.CA, ca, NagiosCredentials.CERT, cert,
          NagiosCredentials.KEY, key).entrySet()) {
        Path target = dir.resolve(copy.getKey());
        if (Files.isRegularFile(target)) {
          replace(target, copy.getValue());
          replaced.add(target);
        }
      }
      return replaced;
    } catch (IOException e) {
      throw new WardenException("cannot refresh the NRPE user's TLS copies in " + dir + ": "
          + FailureText.of(e) + "; run 'etcd-warden nrpe install' again", e);
    }
  }

  private void replace(Path target, Path source) throws IOException {
    UserPrincipal owner = Files.getOwner(target);
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
    files.write(target, Files.readAllBytes(source), mode);
    Files.setOwner(target, owner);
  }
}
