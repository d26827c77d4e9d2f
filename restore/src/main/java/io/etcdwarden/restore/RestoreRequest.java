package io.etcdwarden.restore;

import io.etcdwarden.backup.AgeIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator asked {@code etcd-warden restore} for.
 *
 * @param from a local archive, a store URI naming one, or {@code latest}
 * @param store the store {@code latest} picks from ({@code --store} or warden.yaml's backup.target)
 * @param sha256 the archive's sha256 as the operator was given it, overriding its {@code .sha256}
 * @param memberDir the installer's member folder ({@code --data-dir}); or
 * @param etcdConfig etcd's {@code --config-file} ({@code --etcd-config})
 * @param backupDir where the old data dir's backup goes; empty = a dated folder beside it
 * @param allowNonMount accept a {@code file://} store that is not a mount point
 * @param assumeSingleMember the operator vouches that a member which is not running (so etcd
 *     cannot be asked) is its cluster's only member: the way to restore a member whose data
 *     no longer lets it start
 * @param allowOlderEtcd restore an archive taken from a newer etcd line than the member runs
 * @param identity the age identity that opens an encrypted archive; empty: refused if encrypted
 */
public record RestoreRequest(String from, Optional<String> store, Optional<String> sha256,
    Optional<Path> memberDir, Optional<Path> etcdConfig, Optional<Path> backupDir,
    boolean skipBackup, boolean allowNonMount, boolean assumeSingleMember,
    Duration healthTimeout, Map<String, String> env, boolean allowOlderEtcd,
    Optional<AgeIdentity> identity) {
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(120);

  public RestoreRequest {
    env = Map.copyOf(env);
    java.util.Objects.requireNonNull(identity, "identity");
  }

  /** The installed member this request names. */
  MemberOnHost member() {
    if (etcdConfig.isPresent()) {
      return MemberOnHost.fromConfig(etcdConfig.get(), env);
    }
    return MemberOnHost.fromMemberDir(memberDir.orElseThrow(() -> new IllegalArgumentException(
        "the CLI requires --data-dir or --etcd-config")), env);
  }
}
