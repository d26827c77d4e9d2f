package io.etcdwarden.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Archive names as the charm gave them, {@code etcd-snapshot-YYYY-MM-DD-HH.MM.SS.tar.gz} in UTC,
 * so that names sort by time and the charm's tooling recognises ours; an age-encrypted archive
 * adds {@code .age} ({@code .tar.gz.age}, {@code .tar.zst.age}).
 */
public final class ArchiveName {
  public static final String PREFIX = "etcd-snapshot-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH.mm.ss").withZone(ZoneOffset.UTC);

  private ArchiveName() {}

  /** The suffix of an age-encrypted archive, after the compression's. */
  public static final String AGE_SUFFIX = ".age";

  public static String of(Instant takenAt, Compression compression) {
    return of(takenAt, compression, false);
  }

  /** The name of an archive taken at {@code takenAt}, with {@code .age} when encrypted. */
  public static String of(Instant takenAt, Compression compression, boolean encrypted) {
    return PREFIX + STAMP.format(takenAt) + compression.suffix() + (encrypted ? AGE_SUFFIX : "");
  }

  /** True for a name that says the archive is age-encrypted. */
  public static boolean encrypted(String name) {
    return name.endsWith(AGE_SUFFIX);
  }

  /** When an archive with this name (encrypted or not) was taken; empty for a name not ours. */
  public static Optional<Instant> parse(String fullName) {
    String name = encrypted(fullName)
        ? fullName.substring(0, fullName.length() - AGE_SUFFIX.length()) : fullName;
    for (Compression c : Compression.values()) {
      if (name.startsWith(PREFIX) && name.endsWith(c.suffix())) {
        String stamp = name.substring(PREFIX.length(), name.length() - c.suffix().length());
        try {
          return Optional.of(Instant.from(STAMP.parse(stamp)));
        } catch (DateTimeParseException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
