package io.etcdwarden.daemon;

import java.nio.file.Path;

/**
 * Renders {@code etcd-warden.service}, pure text: the daemon restarted whenever it stops
 * (Restart=always), after etcd, with the config file named explicitly and a heap cap that
 * keeps its resident size under 192 MiB beside etcd. SIGTERM lets a running snapshot finish
 * (TimeoutStopSec covers the grace), and the daemon then exits 0.
 */
public final class SystemdUnit {
  public static final String FILE_NAME = "etcd-warden.service";

  private SystemdUnit() {}

  public static String render(Path launcher, Path config) {
    return "# Rendered by etcd-warden daemon --install-unit; re-run it rather than editing.\n"
        + "[Unit]\n"
        + "Description=etcd-warden sidecar: health checks, scheduled snapshots, retention\n"
        + "Documentation=https://github.com/etcd-warden/etcd-warden\n"
        + "After=network-online.target etcd.service\n"
        + "Wants=network-online.target\n"
        + "\n"
        + "[Service]\n"
        + "Type=simple\n"
        + "Environment=ETCD_WARDEN_JAVA_OPTS=-Xmx96m\n"
        + "ExecStart=" + launcher + " daemon --config " + config + "\n"
        + "Restart=always\n"
        + "RestartSec=5\n"
        + "TimeoutStopSec=60\n"
        + "SuccessExitStatus=0\n"
        + "NoNewPrivileges=true\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }
}
