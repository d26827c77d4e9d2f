package io.etcdwarden.core.systemd;

/**
 * The systemd sandboxing both of our units share (the etcd member's and the daemon's): no
 * capabilities and no way to gain any, a read-only system with only the paths a unit names
 * writable, no home folders, a private /tmp and /dev, the kernel's tunables, modules, logs and
 * clock out of reach, only IP and local sockets, no namespaces, no realtime, the service's own
 * system-call set, and files created private to the service's user. {@code systemd-analyze
 * security} rates each unit below 2 ("OK") with these; the units add what differs (users,
 * writable paths, W^X for etcd, which the JVM's JIT cannot have).
 */
public final class SandboxDirectives {
  /** The {@code [Service]} lines, one directive each, ending in a newline. */
  public static final String SERVICE_LINES = ""
      + "UMask=0077\n"
      + "NoNewPrivileges=yes\n"
      + "CapabilityBoundingSet=\n"
      + "AmbientCapabilities=\n"
      + "ProtectSystem=strict\n"
      + "ProtectHome=yes\n"
      + "PrivateTmp=yes\n"
      + "PrivateDevices=yes\n"
      + "PrivateMounts=yes\n"
      + "DevicePolicy=closed\n"
      + "ProtectKernelTunables=yes\n"
      + "ProtectKernelModules=yes\n"
      + "ProtectKernelLogs=yes\n"
      + "ProtectControlGroups=yes\n"
      + "ProtectClock=yes\n"
      + "ProtectHostname=yes\n"
      + "ProtectProc=invisible\n"
      + "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX\n"
      + "RestrictNamespaces=yes\n"
      + "RestrictRealtime=yes\n"
      + "RestrictSUIDSGID=yes\n"
      + "LockPersonality=yes\n"
      + "RemoveIPC=yes\n"
      + "KeyringMode=private\n"
      + "SystemCallArchitectures=native\n"
      + "SystemCallFilter=@system-service\n"
      + "SystemCallFilter=~@privileged\n";

  private SandboxDirectives() {}
}
