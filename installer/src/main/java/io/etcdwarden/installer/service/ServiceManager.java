package io.etcdwarden.installer.service;

/**
 * Keeps an etcd member running: either as a systemd unit with {@code Restart=always} ({@link
 * SystemdServiceManager}) or, on hosts without systemd, as a process started directly and
 * remembered through a pid file ({@link ProcessServiceManager}). Both are idempotent, so a
 * re-run of the installer or an uninstall after a failed install is always safe.
 */
public interface ServiceManager {
  /** Registers (where applicable) and starts the member; does nothing if it already runs. */
  void start(ServiceSpec spec);

  /**
   * Registers the member without starting it (a systemd unit written but neither enabled nor
   * started); a later {@link #start} starts it. Nothing to do where there is no unit.
   */
  default void register(ServiceSpec spec) {}

  /** Whether the member's etcd is running. */
  boolean isRunning(ServiceSpec spec);

  /** Stops the member and removes its unit or pid file; does nothing if there is none. */
  void remove(ServiceSpec spec);

  /** {@code process} or {@code systemd}, as {@code --service} names it. */
  String mode();
}
