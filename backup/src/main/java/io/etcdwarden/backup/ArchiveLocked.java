package io.etcdwarden.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An age-encrypted archive that cannot be opened: no identity was given, or the one given
 * holds none of the keys it was made for. An {@link IOException} like {@link ArchiveRefused},
 * so commands handle it as an unreadable archive; the one-line message names the identity file
 * (if any) and the recipients the archive was made for, never a key.
 */
public final class ArchiveLocked extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> recipients;
  private final transient Optional<Path> identityFile;

  ArchiveLocked(List<String> recipients, Optional<Path> identityFile) {
    super(message(recipients, identityFile));
    this.recipients = List.copyOf(recipients);
    this.identityFile = identityFile;
  }

  /** The recipients the archive names (empty for an age file written by another tool). */
  public List<String> recipients() {
    return recipients;
  }

  /** True when no identity was given (verify then checks only the sidecar and age header). */
  public boolean withoutIdentity() {
    return identityFile.isEmpty();
  }

  static String madeFor(List<String> recipients) {
    return recipients.isEmpty() ? "recipients not recorded (not written by etcd-warden)"
        : String.join(", ", recipients);
  }

  private static String message(List<String> recipients, Optional<Path> file) {
    return file.map(f -> "identity file " + f + " does not open this archive, made for "
            + madeFor(recipients))
        .orElse("archive is age-encrypted for " + madeFor(recipients) + "; give the identity"
            + " that opens it (--identity FILE or backup.identity_file)");
  }
}
