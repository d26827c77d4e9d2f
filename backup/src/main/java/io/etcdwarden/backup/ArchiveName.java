package io.etcdwarden.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Archive names as the charm gave them, {@code etcd-snapshot-YYYY-MM-DD-HH.MM.SS.tar.gz} in UTC,
 * so that names sort by time and the charm's tooling recognises ours.
 */
public final class ArchiveName {
  public static final String PREFIX = "etcd-snapshot-";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH.mm.ss").withZone(ZoneOffset.UTC);

  private ArchiveName() {}

  public static String of(Instant takenAt, Compression compression) {
    return PREFIX + STAMP.format(takenAt) + compression.suffix();
  }

  /** When an archive with this name was taken; empty for a name we did not give. */
  public static Optional<Instant> parse(String name) {
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
