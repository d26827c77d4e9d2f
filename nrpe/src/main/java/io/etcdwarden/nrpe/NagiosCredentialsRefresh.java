package io.etcdwarden.nrpe;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.core.tls.CredentialHandOver;
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
 * After a client certificate was renewed, or a CA rotation changed what members trust, brings the
 * NRPE user's copies ({@link NagiosCredentials}) up to date: only when the copy there is of the
 * file that was replaced (byte for byte), so copies of another identity are never touched. Each copy is
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

  /**
   * Follows what a CA rotation phase changed: the CA copy when it is the trust that was replaced,
   * then the client copies when they are of a certificate issued again; returns the files
   * replaced.
   */
  public List<Path> follow(CredentialHandOver handOver) {
    List<Path> replaced = new ArrayList<>();
    handOver.trust().ifPresent(t -> replaced.addAll(refreshTrust(t.oldCaPem(), t.trust())));
    for (CredentialHandOver.Client c : handOver.clients()) {
      replaced.addAll(refresh(c.oldCertificatePem(), c.ca(), c.cert(), c.key()));
    }
    return replaced;
  }

  /**
   * Replaces the copy of the trusted CA file when it is {@code oldCaPem} (a CA rotation's trust
   * bundle, then its new CA); returns the file replaced, if any.
   */
  public List<Path> refreshTrust(byte[] oldCaPem, Path ca) {
    Path copiedCa = dir.resolve(NagiosCredentials.CA);
    try {
      if (!Files.isRegularFile(copiedCa)
          || !Arrays.equals(Files.readAllBytes(copiedCa), oldCaPem)) {
        return List.of();
      }
      replace(copiedCa, ca);
      return List.of(copiedCa);
    } catch (IOException e) {
      throw new WardenException("cannot refresh the NRPE user's CA copy in " + dir + ": "
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
