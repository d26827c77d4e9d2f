package io.etcdwarden.nrpe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which TLS files the NRPE user gets a copy of. By default the monitor's: the folder where the
 * archive of {@code credentials package --role monitor} was unpacked ({@code client.crt},
 * {@code client.key}, {@code ca.crt}; CN {@code etcd-warden-monitor}, which with etcd's auth
 * enabled may read status and {@code /etcd-warden/} only). When that folder holds no monitor
 * certificate the admin files given for the cluster are used, with a {@link #warning} that says
 * how to stop handing Nagios the admin key; {@code --client-role admin} asks for them outright.
 */
public record MonitorClientFiles(Optional<Path> cacert, Optional<Path> cert, Optional<Path> key,
    Optional<String> warning) {
  /** Where the monitor's archive is unpacked unless told otherwise. */
  public static final String DEFAULT_DIR = "/etc/etcd-warden/monitor";

  /**
   * The monitor's files in {@code monitorDir} when {@code monitor} and they are there, else the
   * admin files (with a warning when the monitor's were asked for but missing).
   */
  public static MonitorClientFiles choose(boolean monitor, Path monitorDir, Optional<Path> cacert,
      Optional<Path> cert, Optional<Path> key) {
    if (!monitor) {
      return new MonitorClientFiles(cacert, cert, key, Optional.empty());
    }
    Path monitorCert = monitorDir.resolve(NagiosCredentials.CERT);
    Path monitorKey = monitorDir.resolve(NagiosCredentials.KEY);
    Path monitorCa = monitorDir.resolve(NagiosCredentials.CA);
    if (Files.isRegularFile(monitorCert) && Files.isRegularFile(monitorKey)) {
      return new MonitorClientFiles(Files.isRegularFile(monitorCa) ? Optional.of(monitorCa)
          : cacert, Optional.of(monitorCert), Optional.of(monitorKey), Optional.empty());
    }
    return new MonitorClientFiles(cacert, cert, key, Optional.of("warning: no monitor"
        + " certificate in " + monitorDir + ": NRPE gets the admin client key; run 'etcd-warden"
        + " credentials package --role monitor', unpack it into " + monitorDir + " and re-run"
        + " (or pass --client-role admin to mean it)"));
  }
}
