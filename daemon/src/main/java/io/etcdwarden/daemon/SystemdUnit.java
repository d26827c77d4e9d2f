package io.etcdwarden.daemon;

import io.etcdwarden.core.systemd.SandboxDirectives;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders {@code etcd-warden.service}, pure text: the daemon as its own system user {@link
 * #USER}, restarted whenever it stops, after and wanting the local etcd member's unit ({@code
 * etcd-NAME.service}) when one is named, with the config file named explicitly; the launcher's
 * {@code daemon} flags (heap, metaspace, code cache, allocator caps) keep it small beside etcd.
 * Snapshots and compression yield to etcd ({@code Nice=},
 * {@code CPUWeight=}, idle I/O); AWS and GCS settings come from {@link #ENVIRONMENT_FILE} when
 * it exists. Sandboxed like the member ({@link SandboxDirectives}); its state folder is a
 * systemd {@code StateDirectory}. SIGTERM lets a running snapshot finish (TimeoutStopSec covers
 * the grace), and the daemon then exits 0.
 */
public final class SystemdUnit {
  public static final String FILE_NAME = "etcd-warden.service";
  /** The system user the daemon runs as. */
  public static final String USER = "etcd-warden";
  /** Optional {@code KEY=value} lines: AWS_*, GOOGLE_APPLICATION_CREDENTIALS, proxies. */
  public static final String ENVIRONMENT_FILE = "/etc/default/etcd-warden";

  private SystemdUnit() {}

  /** Without a local member to order after. */
  public static String render(Path launcher, Path config) {
    return render(launcher, config, Optional.empty(), List.of());
  }

  /**
   * {@code member}: the local etcd member's name, whose unit is {@code etcd-NAME.service};
   * {@code writable}: folders the daemon writes besides its state folder (a {@code file://}
   * snapshot store), left writable in the otherwise read-only system.
   */
  public static String render(Path launcher, Path config, Optional<String> member,
      List<Path> writable) {
    String after = member.map(m -> " etcd-" + m + ".service").orElse("");
    String paths = writable.isEmpty() ? "" : "ReadWritePaths=" + writable.stream()
        .map(Path::toString).collect(Collectors.joining(" ")) + "\n";
    return "# Rendered by etcd-warden daemon --install-unit; re-run it rather than editing.\n"
        + "[Unit]\n"
        + "Description=etcd-warden sidecar: health checks, scheduled snapshots, retention\n"
        + "Documentation=https://github.com/etcd-warden/etcd-warden\n"
        + "After=network-online.target" + after + "\n"
        + "Wants=network-online.target" + after + "\n"
        + "\n"
        + "[Service]\n"
        + "Type=simple\n"
        + "User=" + USER + "\n"
        + "Group=" + USER + "\n"
        + "EnvironmentFile=-" + ENVIRONMENT_FILE + "\n"
        + "ExecStart=" + launcher + " daemon --config " + config + "\n"
        + "Restart=always\n"
        + "RestartSec=5\n"
        + "TimeoutStopSec=60\n"
        + "SuccessExitStatus=0\n"
        + "Nice=10\n"
        + "CPUWeight=20\n"
        + "IOSchedulingClass=idle\n"
        + "StateDirectory=etcd-warden\n"
        + "StateDirectoryMode=0700\n"
        + paths
        + SandboxDirectives.SERVICE_LINES
        + "\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }
}
