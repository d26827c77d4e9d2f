package io.etcdwarden.backup;

import java.io.IOException;

/**
 * An archive that is not exactly what etcd-warden writes (or the Juju charm's {@code ./db}
 * layout), refused by {@link ArchiveReader} before a byte of the offending entry is read: a
 * path outside the archive, a link, a device, a duplicate, an unknown entry, a size that does
 * not fit. An {@link IOException}, so every command handles it as it handles an unreadable
 * archive; the message is one line and names the entry.
 */
public final class ArchiveRefused extends IOException {
  private static final long serialVersionUID = 1L;

  public ArchiveRefused(String reason) {
    super(reason);
  }
}
