package io.etcdwarden.cli.presentation;

import io.etcdwarden.installer.install.InstallRun;
import io.etcdwarden.installer.install.InstalledMember;
import io.etcdwarden.installer.install.SettingChange;
import java.io.PrintWriter;

/** What {@code install} prints for each {@link InstallRun.Kind}, and its exit code. */
public final class InstallRunOutput {
  private InstallRunOutput() {}

  /** Prints {@code result}; 0, or 1 when differences were found and not applied. */
  public static int print(InstallRun.Result result, PrintWriter out) {
    switch (result.kind()) {
      case INSTALLED -> installed(result.installed(), out);
      case UNCHANGED -> out.println("install: member " + result.member() + " is installed with"
          + " these settings and running; nothing to do");
      case STARTED -> out.println("install: member " + result.member() + " is installed with"
          + " these settings; it was not running and has been started");
      case DIFFERS -> {
        out.println("install: member " + result.member() + " is installed with other settings"
            + " (installed -> asked):");
        changes(result, out);
        out.println("not applied; run again with --apply to apply them (one restart of "
            + result.member() + " once the cluster is healthy)");
      }
      case APPLIED -> {
        out.println("install: applied to member " + result.member() + ":");
        changes(result, out);
        out.println(result.restart().isZero() ? "no restart needed"
            : "restarted once; healthy again after " + result.restart().toMillis() + " ms");
      }
    }
    out.flush();
    return result.kind() == InstallRun.Kind.DIFFERS ? 1 : 0;
  }

  private static void changes(InstallRun.Result result, PrintWriter out) {
    for (SettingChange change : result.changes()) {
      out.println("  " + change.setting() + ": " + change.before() + " -> " + change.after());
    }
  }

  private static void installed(InstalledMember installed, PrintWriter out) {
    out.println("install: member " + installed.name() + " " + (installed.healthy() ? "healthy"
        : "started; it turns healthy once a quorum of the " + installed.clusterSize()
            + " members runs") + " (" + installed.serviceMode() + ", " + installed.etcdBinary()
        + ")");
    out.println("  client URL " + installed.clientUrl() + ", cluster token "
        + installed.clusterToken() + ", folder " + installed.dir());
  }
}
