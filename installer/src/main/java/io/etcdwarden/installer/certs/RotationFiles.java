package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.core.files.BoundedFile;
import io.etcdwarden.installer.pki.Pki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a CA rotation keeps its files in the CA folder: the new CA in {@code rotation/new/}, the
 * trust bundle (old CA first, then new) in {@code rotation/bundle.crt}, and once the rotation is
 * finished the old CA in {@code rotation/old/}. Copy {@code rotation/} to every host that keeps a
 * copy of the CA folder.
 */
final class RotationFiles {
  private final Path caDir;

  RotationFiles(Path caDir) {
    this.caDir = caDir;
  }

  Path newCaDir() {
    return caDir.resolve("rotation").resolve("new");
  }

  Path bundle() {
    return caDir.resolve("rotation").resolve("bundle.crt");
  }

  Path oldCaDir() {
    return caDir.resolve("rotation").resolve("old");
  }

  /** The new CA; one line naming the folder when it is not on this host. */
  Pki newCa() {
    if (!Files.exists(newCaDir().resolve(Pki.CA_KEY_FILE))) {
      throw WardenException.badInput("the new CA " + newCaDir().resolve(Pki.CA_KEY_FILE)
          + " is missing: run 'certs rotate-ca prepare' on the CA's host and copy its rotation/"
          + " folder here");
    }
    return Pki.loadCa(newCaDir());
  }

  /** Writes the bundle: the old CA's certificate, then the new one's. */
  void writeBundle() {
    try {
      byte[] old = Files.readAllBytes(caDir.resolve(Pki.CA_CERT_FILE));
      byte[] fresh = Files.readAllBytes(newCaDir().resolve(Pki.CA_CERT_FILE));
      byte[] both = new byte[old.length + fresh.length];
      System.arraycopy(old, 0, both, 0, old.length);
      System.arraycopy(fresh, 0, both, old.length, fresh.length);
      new AtomicFileWriter().write(bundle(), both, AtomicFileWriter.WORLD_READABLE);
    } catch (IOException e) {
      throw new WardenException("cannot write the trust bundle " + bundle() + ": "
          + e.getMessage(), e);
    }
  }

  /** Copies {@code source} over {@code target} atomically, world-readable (certificates only). */
  static void publish(Path source, Path target) {
    try {
      new AtomicFileWriter().write(target, Files.readAllBytes(source),
          AtomicFileWriter.WORLD_READABLE);
    } catch (IOException e) {
      throw new WardenException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** A certificate file's bytes (small, PEM); one line naming it when it cannot be read. */
  static byte[] read(Path file) {
    try {
      return BoundedFile.bytes(file, BoundedFile.SMALL_FILE_BYTES, "certificate file");
    } catch (IOException e) {
      throw new WardenException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
