package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.config.MemberQuota;
import io.etcdwarden.installer.install.MemberLayout;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The members' {@code quota-backend-bytes}, which maintenance measures DB sizes against: read
 * from an installed member's etcd config ({@code --data-dir} or {@code --etcd-config}) when one
 * is named, else {@code --quota-bytes}, else etcd's default. Naming both is refused.
 */
final class QuotaOption {
  static final long DEFAULT_QUOTA_BYTES = MemberQuota.ETCD_DEFAULT_BYTES;

  @Option(names = "--quota-bytes", paramLabel = "BYTES",
      description = "The members' quota-backend-bytes (default: from --data-dir/--etcd-config,"
          + " else 2147483648, etcd's default).")
  Long quotaBytes;
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder of a member installed by 'install': its etcd.yaml gives the quota.")
  Path dataDir;
  @Option(names = "--etcd-config", paramLabel = "FILE",
      description = "A member's etcd --config-file: its quota-backend-bytes gives the quota.")
  Path etcdConfig;

  long bytes() {
    if (dataDir != null && etcdConfig != null) {
      throw WardenException.badInput("give one of --data-dir or --etcd-config");
    }
    Path file = dataDir != null ? new MemberLayout(dataDir).configFile() : etcdConfig;
    if (file != null && quotaBytes != null) {
      throw WardenException.badInput("--quota-bytes: not with --data-dir or --etcd-config,"
          + " which give the member's own quota");
    }
    if (file != null) {
      return MemberQuota.read(file);
    }
    long bytes = quotaBytes == null ? DEFAULT_QUOTA_BYTES : quotaBytes;
    if (bytes <= 0) {
      throw WardenException.badInput("--quota-bytes: must be positive, got " + bytes);
    }
    return bytes;
  }
}
