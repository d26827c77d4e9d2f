package io.etcdwarden.cli;

import io.etcdwarden.backup.AgeIdentity;
import io.etcdwarden.backup.AgeRecipients;
import io.etcdwarden.backup.ArchiveKeys;
import io.etcdwarden.core.config.BackupSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --identity FILE}: the age identity that opens encrypted archives, over the config. */
final class AgeOptions {
  @Option(names = "--identity", paramLabel = "FILE",
      description = "age identity file (0600) that opens encrypted archives; default:"
          + " backup.identity_file. Without one, encrypted archives are checked without being"
          + " opened (verify) or refused (restore, drill).")
  Path identity;

  Optional<AgeIdentity> identity(BackupSection backup) {
    return ArchiveKeys.identity(identity, backup);
  }

  /** {@code --recipient age1...} (repeatable): whom new archives are encrypted to. */
  static final class Recipients {
    @Option(names = "--recipient", paramLabel = "age1...",
        description = "Encrypt the archive with age to this public key (repeat for several);"
            + " default: backup.encrypt_to, else the archive is stored in the clear.")
    List<String> recipients;

    Optional<AgeRecipients> resolve(BackupSection backup) {
      return ArchiveKeys.recipients(recipients, backup);
    }
  }
}
