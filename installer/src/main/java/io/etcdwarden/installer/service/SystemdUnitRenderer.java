package io.etcdwarden.installer.service;

/**
 * Renders the systemd unit of one etcd member. Pure: returns the text. {@code Restart=always}
 * brings a crashed member back, as the charm's unit did; {@code Type=notify} lets systemd know
 * when etcd has joined (etcd signals readiness through sd_notify); the file limit is raised
 * because every client and peer connection holds a descriptor.
 */
final class SystemdUnitRenderer {

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
        + "ExecStart=" + spec.etcdBinary() + " --config-file " + spec.configFile() + "\n"
        + "Restart=always\n"
        + "RestartSec=5s\n"
        + "LimitNOFILE=65536\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }
}
