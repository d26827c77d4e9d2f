package io.etcdwarden.installer.install;

import io.etcdwarden.installer.service.ServiceSpec;
import java.nio.file.Path;

/**
 * Where an installed member keeps its things, all under the folder given as {@code --data-dir}:
 * {@code etcd.yaml}, {@code tls/} (its certificate, key and {@code ca.crt}), {@code member.properties}
 * (what the installer decided, for later commands), {@code etcd.log}, {@code etcd.pid}, and
 * etcd's own data in {@code data/}. One folder per member keeps uninstall and {@code
 * credentials package --data-dir} simple and lets several members share a demo host.
 */
public record MemberLayout(Path dir) {
  public MemberLayout {
    dir = dir.toAbsolutePath().normalize();
  }

  public Path configFile() {
    return dir.resolve("etcd.yaml");
  }

  public Path tlsDir() {
    return dir.resolve("tls");
  }

  /** etcd's own {@code data-dir}, unless {@code storage attach} moved it. */
  public Path etcdDataDir() {
    return dir.resolve("data");
  }

  public Path recordFile() {
    return dir.resolve("member.properties");
  }

  public Path logFile() {
    return dir.resolve("etcd.log");
  }

  public Path pidFile() {
    return dir.resolve("etcd.pid");
  }

  /** What a service manager needs to run this member with {@code etcdBinary}. */
  public ServiceSpec serviceSpec(String name, Path etcdBinary) {
    return new ServiceSpec(name, etcdBinary, configFile(), logFile(), pidFile());
  }
}
