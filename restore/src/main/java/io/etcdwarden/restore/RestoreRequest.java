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
 * @param bump {@code --bump-revision N --mark-compacted} for the restore tool; empty: none
 */
public record RestoreRequest(String from, Optional<String> store, Optional<String> sha256,
    Optional<Path> memberDir, Optional<Path> etcdConfig, Optional<Path> backupDir,
    boolean skipBackup, boolean allowNonMount, boolean assumeSingleMember,
    Duration healthTimeout, Map<String, String> env, boolean allowOlderEtcd,
    Optional<AgeIdentity> identity, Optional<RevisionBump> bump) {
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(120);

  public RestoreRequest {
    env = Map.copyOf(env);
    java.util.Objects.requireNonNull(identity, "identity");
    java.util.Objects.requireNonNull(bump, "bump");
  }

  /** A request without a revision bump (every request before {@code --bump-revision}). */
  public RestoreRequest(String from, Optional<String> store, Optional<String> sha256,
      Optional<Path> memberDir, Optional<Path> etcdConfig, Optional<Path> backupDir,
      boolean skipBackup, boolean allowNonMount, boolean assumeSingleMember,
      Duration healthTimeout, Map<String, String> env, boolean allowOlderEtcd,
      Optional<AgeIdentity> identity) {
    this(from, store, sha256, memberDir, etcdConfig, backupDir, skipBackup, allowNonMount,
        assumeSingleMember, healthTimeout, env, allowOlderEtcd, identity, Optional.empty());
  }

  /** The installed member this request names. */
  MemberOnHost member() {
    if (etcdConfig.isPresent()) {
      return MemberOnHost.fromConfig(etcdConfig.get(), env);
    }
    return MemberOnHost.fromMemberDir(memberDir.orElseThrow(() -> new IllegalArgumentException(
        "the CLI requires --data-dir or --etcd-config")), env);
  }

  /** A request to restore {@code from}, every option at its default until the builder sets it. */
  public static Builder builder(String from, Map<String, String> env) {
    return new Builder(from, env);
  }

  /** Names each of a request's options, so callers stop passing twelve values by position. */
  public static final class Builder {
    private final String from;
    private final Map<String, String> env;
    private Optional<String> store = Optional.empty();
    private Optional<String> sha256 = Optional.empty();
    private Optional<Path> memberDir = Optional.empty();
    private Optional<Path> etcdConfig = Optional.empty();
    private Optional<Path> backupDir = Optional.empty();
    private boolean skipBackup;
    private boolean allowNonMount;
    private boolean assumeSingleMember;
    private Duration healthTimeout = DEFAULT_HEALTH_TIMEOUT;
    private boolean allowOlderEtcd;
    private Optional<AgeIdentity> identity = Optional.empty();
    private Optional<RevisionBump> bump = Optional.empty();

    private Builder(String from, Map<String, String> env) {
      this.from = from;
      this.env = env;
    }

    public Builder store(Optional<String> uri) {
      this.store = uri;
      return this;
    }

    public Builder sha256(Optional<String> hex) {
      this.sha256 = hex;
      return this;
    }

    public Builder memberDir(Optional<Path> dir) {
      this.memberDir = dir;
      return this;
    }

    public Builder etcdConfig(Optional<Path> file) {
      this.etcdConfig = file;
      return this;
    }

    public Builder backupDir(Optional<Path> dir) {
      this.backupDir = dir;
      return this;
    }

    public Builder skipBackup(boolean skip) {
      this.skipBackup = skip;
      return this;
    }

    public Builder allowNonMount(boolean allow) {
      this.allowNonMount = allow;
      return this;
    }

    public Builder assumeSingleMember(boolean assume) {
      this.assumeSingleMember = assume;
      return this;
    }

    public Builder healthTimeout(Duration timeout) {
      this.healthTimeout = timeout;
      return this;
    }

    public Builder allowOlderEtcd(boolean allow) {
      this.allowOlderEtcd = allow;
      return this;
    }

    public Builder identity(Optional<AgeIdentity> key) {
      this.identity = key;
      return this;
    }

    public Builder bump(Optional<RevisionBump> revisionBump) {
      this.bump = revisionBump;
      return this;
    }

    public RestoreRequest build() {
      return new RestoreRequest(from, store, sha256, memberDir, etcdConfig, backupDir,
          skipBackup, allowNonMount, assumeSingleMember, healthTimeout, env, allowOlderEtcd,
          identity, bump);
    }
  }
}
