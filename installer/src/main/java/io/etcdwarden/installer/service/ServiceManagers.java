package io.etcdwarden.installer.service;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the {@link ServiceManager} for {@code --service}: {@code systemd} only where systemd
 * is the running init system ({@code /run/systemd/system} exists), {@code process} anywhere.
 */
public final class ServiceManagers {
  /** Present exactly when systemd is the init system (what sd_booted(3) checks). */
  public static final Path SYSTEMD_RUNTIME = Path.of("/run/systemd/system");
  /** Where unit files written by the installer go. */
  public static final Path UNIT_DIR = Path.of("/etc/systemd/system");

  private ServiceManagers() {}

  /** The manager for {@code mode}; null or blank picks systemd where it runs, else process. */
  public static ServiceManager forMode(String mode) {
    boolean systemd = Files.isDirectory(SYSTEMD_RUNTIME);
    if (mode == null || mode.isBlank()) {
      return systemd ? new SystemdServiceManager(UNIT_DIR) : new ProcessServiceManager();
    }
    switch (mode) {
      case "process":
        return new ProcessServiceManager();
      case "systemd":
        if (!systemd) {
          throw WardenException.badInput("--service systemd: systemd is not running on this host"
              + " (" + SYSTEMD_RUNTIME + " is missing); use --service process");
        }
        return new SystemdServiceManager(UNIT_DIR);
      default:
        throw WardenException.badInput("--service " + mode + " is unknown; use process or systemd");
    }
  }
}
