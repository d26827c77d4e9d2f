package io.etcdwarden.daemon;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.CronSchedule;
import java.net.URI;
import java.nio.file.Path;

/**
 * Renders {@code /etc/cron.d/etcd-warden} for operators who prefer cron to the daemon, pure
 * text: the snapshot on {@code backup.schedule}, verified as soon as it is published (so that
 * {@code check_etcd_backup} sees it verified), and a prune with {@code backup.keep_*} after
 * it, under {@code flock -n} on one lock file so a run still going makes the next one skip
 * instead of piling up. cron has no cluster-wide lock: install it on one member only.
 */
public final class CronFile {
  public static final Path DEFAULT_PATH = Path.of("/etc/cron.d/etcd-warden");

  private CronFile() {}

  /** {@code backup.schedule} must be five crontab fields (cron.d cannot read Quartz's form). */
  public static String render(BackupSection backup, Path launcher, Path config, Path lockFile,
      String user) {
    if (!backup.scheduled()) {
      throw WardenException.badInput("backup.schedule is not set: nothing for cron to run");
    }
    String[] fields = backup.schedule().trim().split("\\s+");
    if (fields.length != 5) {
      throw WardenException.badInput("backup.schedule '" + backup.schedule().trim() + "' has "
          + fields.length + " fields; cron.d needs crontab's 5 (min hour day month weekday)");
    }
    CronSchedule.parse(backup.schedule()); // the same validation the daemon does
    URI target = backup.target().orElseThrow(() -> WardenException.badInput(
        "backup.target is not set: cron needs to know where archives go"));
    String common = " --target " + quoted(target.toString());
    String snapshot = launcher + " snapshot --verify --config " + config + common
        + " --compression "
        + backup.compression() + backup.member().map(m -> " --member " + quoted(m)).orElse("");
    String prune = launcher + " snapshots prune" + common + " --keep-last " + backup.keepLast()
        + " --hourly " + backup.keepHourly() + " --daily " + backup.keepDaily() + " --weekly "
        + backup.keepWeekly();
    return "# Rendered by etcd-warden cron render; install on ONE member only (cron has no\n"
        + "# cluster-wide lock; the daemon has). flock -n: a run still going skips the next.\n"
        + "SHELL=/bin/sh\n"
        + "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
        + String.join(" ", fields) + " " + user + " flock -n " + lockFile + " sh -c "
        + quoted(snapshot + " >/dev/null && " + prune + " >/dev/null") + "\n";
  }

  /** Single-quoted for sh, with cron's {@code %} escaped. */
  private static String quoted(String s) {
    return "'" + s.replace("'", "'\\''").replace("%", "\\%") + "'";
  }
}
