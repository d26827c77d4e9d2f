package io.etcdwarden.installer.service;

import java.nio.file.Path;

/**
 * What a {@link ServiceManager} needs to run one etcd member: its name (the unit is {@code
 * etcd-NAME.service}), the etcd executable, the config file etcd reads with {@code
 * --config-file}, and the log and pid files a directly supervised process uses.
 */
public record ServiceSpec(String name, Path etcdBinary, Path configFile, Path logFile,
    Path pidFile) {

  /** The systemd unit name for this member. */
  public String unitName() {
    return "etcd-" + name + ".service";
  }
}
