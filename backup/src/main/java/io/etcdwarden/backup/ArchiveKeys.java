package io.etcdwarden.backup;

import io.etcdwarden.core.config.BackupSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which age keys a command uses, flags over {@code warden.yaml}: the recipients archives are
 * encrypted to ({@code --recipient}, else {@code backup.encrypt_to}; none: clear archives) and
 * the identity that opens them ({@code --identity}, else {@code backup.identity_file}; none:
 * encrypted archives are checked without being opened, or refused where they must be read).
 */
public final class ArchiveKeys {
  private ArchiveKeys() {}

  /** The recipients to encrypt to; empty for clear archives. */
  public static Optional<AgeRecipients> recipients(List<String> flag, BackupSection backup) {
    if (flag != null && !flag.isEmpty()) {
      return Optional.of(AgeRecipients.parse(flag, "--recipient"));
    }
    if (backup.encryptTo().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(AgeRecipients.parse(backup.encryptTo(),
        BackupSection.NAME + "." + BackupSection.ENCRYPT_TO));
  }

  /** The identity to open encrypted archives with, loaded and checked (mode 0600). */
  public static Optional<AgeIdentity> identity(Path flag, BackupSection backup) {
    return Optional.ofNullable(flag).or(backup::identityFile).map(AgeIdentity::load);
  }
}
