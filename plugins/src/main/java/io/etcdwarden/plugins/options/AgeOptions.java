package io.etcdwarden.plugins.options;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.AgeRecipients;
import io.etcdwarden.backup.ArchiveKeys;
import io.etcdwarden.core.config.BackupSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --identity FILE}: the age identity that opens encrypted archives, over the config;
 * shared by {@code check backup --verify} and the CLI's archive commands.
 */
public final class AgeOptions {
  @Option(names = "--identity", paramLabel = "FILE",
      description = "age identity file (0600) that opens encrypted archives; default:"
          + " backup.identity_file. Without one, encrypted archives are checked without being"
          + " opened (verify) or refused (restore, drill).")
  Path identity;

  /** The identity {@code --identity} names, else {@code backup.identity_file}, else none. */
  public Optional<AgeIdentity> identity(BackupSection backup) {
    return ArchiveKeys.identity(identity, backup);
  }

  /** {@code --recipient age1...} (repeatable): whom new archives are encrypted to. */
  public static final class Recipients {
    @Option(names = "--recipient", paramLabel = "age1...",
        description = "Encrypt the archive with age to this public key (repeat for several);"
            + " default: backup.encrypt_to, else the archive is stored in the clear.")
    List<String> recipients;

    /** The recipients given, else {@code backup.encrypt_to}, else none (in the clear). */
    public Optional<AgeRecipients> resolve(BackupSection backup) {
      return ArchiveKeys.recipients(recipients, backup);
    }
  }
}
