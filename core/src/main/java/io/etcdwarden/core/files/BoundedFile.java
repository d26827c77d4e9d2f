package io.etcdwarden.core.files;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a small file we parse whole (a config, a PEM file, a state file) with a ceiling on what
 * it may hold: a file above the ceiling is refused in one line naming it, before it is in
 * memory, instead of the JVM dying with an {@code OutOfMemoryError} after tens of seconds. The
 * ceiling is enforced on the bytes actually read, not on the size the file system reports, so
 * a file that grows while read or a device such as {@code /dev/zero} is refused as well.
 */
public final class BoundedFile {
  /** The ceiling for configuration and state files: far above any real one. */
  public static final int SMALL_FILE_BYTES = 1 << 20;

  private BoundedFile() {}

  /**
   * At most {@code limit} bytes of {@code file}; {@code what} names it in the refusal (for
   * example "config file"). I/O failures are the caller's to describe.
   */
  public static byte[] bytes(Path file, int limit, String what) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] content = in.readNBytes(limit);
      if (in.read() >= 0) {
        throw WardenException.badInput(what + " " + file + " is larger than " + limit
            + " bytes: not a " + what + "; check the path");
      }
      return content;
    }
  }

  /** {@link #bytes} decoded as UTF-8; malformed input throws {@link CharacterCodingException}. */
  public static String utf8(Path file, int limit, String what) throws IOException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes(file, limit, what))).toString();
  }
}
