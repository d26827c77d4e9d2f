package io.etcdwarden.installer.service;

import io.etcdwarden.core.systemd.SandboxDirectives;

/**
 * Renders the systemd unit of one etcd member. Pure: returns the text. etcd runs as the
 * unprivileged system user {@link #USER} (the installer creates it and gives it the member's
 * folder), sandboxed ({@link SandboxDirectives}, plus W^X memory: Go needs no JIT) with only the
 * member's folder writable. {@code Type=notify}: etcd tells systemd it is ready once it has
 * joined, which needs a quorum of peers, so the start has no timeout ({@code
 * TimeoutStartSec=infinity}) and the installer starts the unit without blocking ({@code
 * --no-block}) and waits for the member itself. {@code Restart=always} brings a crashed member
 * back; the file limit is raised because every client and peer connection holds a descriptor.
 */
public final class SystemdUnitRenderer {
  /** The system user etcd members run as. */
  public static final String USER = "etcd";

  /** The whole unit file for {@code spec}. */
  public String render(ServiceSpec spec) {
    return "# etcd member " + spec.name() + ", written by etcd-warden install.\n"
        + "[Unit]\n"
        + "Description=etcd member " + spec.name() + "\n"
        + "Documentation=https://etcd.io/docs/\n"
        + "After=network-online.target\n"
        + "Wants=network-online.target\n"
        + "\n"
        + "[Service]\n"
        + "Type=notify\n"
        + "User=" + USER + "\n"
        + "Group=" + USER + "\n"
        + "ExecStart=" + spec.etcdBinary() + " --config-file " + spec.configFile() + "\n"
        + "Restart=always\n"
        + "RestartSec=5s\n"
        + "TimeoutStartSec=infinity\n"
        + "LimitNOFILE=65536\n"
        + "ReadWritePaths=" + spec.configFile().toAbsolutePath().getParent() + "\n"
        + "MemoryDenyWriteExecute=yes\n"
        + "ProcSubset=pid\n"
        + SandboxDirectives.SERVICE_LINES
        + "\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }
}
