package io.etcdwarden.installer.release;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The architecture check for a release binary: an ELF header whose machine field says x86-64.
 * An arm64 or 32-bit binary in an "amd64" tarball would otherwise only fail when etcd starts,
 * as an opaque "exec format error" after the installer had already changed the host.
 */
final class ElfExecutable {
  private static final int EM_X86_64 = 0x3E;
  private static final int HEADER_BYTES = 20;

  private ElfExecutable() {}

  /** Refuses {@code binary} unless it is a 64-bit little-endian x86-64 ELF file. */
  static void requireAmd64(Path binary, String source) {
    byte[] header = new byte[HEADER_BYTES];
    int read;
    try (InputStream in = Files.newInputStream(binary)) {
      read = in.readNBytes(header, 0, HEADER_BYTES);
    } catch (IOException e) {
      throw new WardenException("cannot read " + binary + ": " + FailureText.of(e), e);
    }
    String name = binary.getFileName().toString();
    if (read < HEADER_BYTES || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L'
        || header[3] != 'F') {
      throw WardenException.badInput(
          name + " in " + source + " is not an ELF executable; use an upstream linux-amd64 release");
    }
    int machine = (header[18] & 0xff) | (header[19] & 0xff) << 8;
    if (header[4] != 2 || header[5] != 1 || machine != EM_X86_64) {
      throw WardenException.badInput(
          name + " in " + source + " is built for another architecture (ELF machine 0x"
              + Integer.toHexString(machine) + "); use the linux-amd64 release");
    }
  }
}
