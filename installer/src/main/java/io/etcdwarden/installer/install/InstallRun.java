package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.pki.BroughtCertificate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code etcd-warden install} as configuration management runs it, any number of times: a fresh
 * install where the folder holds no member, and where it holds this member already, a
 * comparison of what is installed with what was asked ({@link MemberReinstall}): nothing to do,
 * the differences shown, or (with {@code apply}) applied with a health-gated restart.
 */
public final class InstallRun {
  /** What one run found and did. */
  public enum Kind {
    /** A new member was installed. */
    INSTALLED,
    /** The member was installed with these settings and is healthy: nothing was done. */
    UNCHANGED,
    /** The member was installed with these settings but not running; it was started. */
    STARTED,
    /** The settings differ; they were shown, not applied (no {@code --apply}). */
    DIFFERS,
    /** The settings differed and were applied; the member was restarted once. */
    APPLIED
  }

  /**
   * The outcome: {@code installed} for {@link Kind#INSTALLED} only, {@code changes} for {@link
   * Kind#DIFFERS} and {@link Kind#APPLIED}, {@code restart} how long an applied restart took.
   */
  public record Result(Kind kind, String member, InstalledMember installed,
      List<SettingChange> changes, Duration restart) {}

  /** Installs, or compares and (with {@code apply}) changes, the member {@code request} names. */
  public Result run(InstallRequest request, BroughtCertificate own, boolean apply) {
    MemberLayout layout = new MemberLayout(request.dataDir());
    if (MemberReinstall.installedIn(layout)) {
      return new MemberReinstall(layout).reconcile(request, own, apply);
    }
    new RunningMember(Path.of("/proc")).on(request.port())
        .filter(other -> MemberRecord.load(other).name().equals(request.name()))
        .ifPresent(other -> {
          throw WardenException.badInput("member " + request.name() + " is installed in "
              + other.dir() + " and runs from there; its --data-dir cannot change in place"
              + " (keep --data-dir " + other.dir() + ", or move etcd's data with storage attach)");
        });
    InstalledMember installed = new MemberInstaller().install(request, own);
    return new Result(Kind.INSTALLED, installed.name(), installed, List.of(), Duration.ZERO);
  }
}
