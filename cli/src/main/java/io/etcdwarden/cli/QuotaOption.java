package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import picocli.CommandLine.Option;

/** The members' {@code quota-backend-bytes}, which maintenance measures DB sizes against. */
final class QuotaOption {
  static final long DEFAULT_QUOTA_BYTES = 2L * 1024 * 1024 * 1024;

  @Option(names = "--quota-bytes", paramLabel = "BYTES",
      description = "The members' quota-backend-bytes (default 2147483648, etcd's default).")
  long quotaBytes = DEFAULT_QUOTA_BYTES;

  long bytes() {
    if (quotaBytes <= 0) {
      throw WardenException.badInput("--quota-bytes: must be positive, got " + quotaBytes);
    }
    return quotaBytes;
  }
}
