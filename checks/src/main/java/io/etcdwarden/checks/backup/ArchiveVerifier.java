package io.etcdwarden.checks.backup;

import java.util.List;

/**
 * Re-reads one archive and lists its problems (empty: it verified). {@code checks} may not
 * depend on {@code backup}, so the caller passes the backup module's verifier in when the
 * operator asks {@code check_etcd_backup} to verify the newest archive itself.
 */
@FunctionalInterface
public interface ArchiveVerifier {
  List<String> problems(String archiveName);
}
