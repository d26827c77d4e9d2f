package io.etcdwarden.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Which local user opened a loopback TCP connection to the daemon: the kernel's socket tables
 * ({@code /proc/net/tcp} and {@code tcp6}) list every socket with its owner's uid, and the
 * caller's end is the one whose local port is the connection's remote port and whose remote
 * port is ours. Empty when the table cannot be read or has no such socket (not Linux, the
 * caller gone): the plugin handler then declines the run.
 */
final class LoopbackPeer {
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"),
      Path.of("/proc/net/tcp6"));
  private static final String ESTABLISHED = "01";

  private LoopbackPeer() {}

  /** The uid owning the socket at {@code remote} that is connected to {@code local}. */
  static OptionalInt uid(InetSocketAddress remote, InetSocketAddress local) {
    String callerPort = hexPort(remote.getPort());
    String ourPort = hexPort(local.getPort());
    for (Path table : TABLES) {
      List<String> lines;
      try {
        lines = Files.readAllLines(table);
      } catch (IOException e) {
        continue;
      }
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
        String[] f = line.trim().split("\\s+");
        if (f.length > 7 && f[1].endsWith(":" + callerPort) && f[2].endsWith(":" + ourPort)
            && f[3].equals(ESTABLISHED) && loopback(f[1]) && loopback(f[2])) {
          return OptionalInt.of(Integer.parseInt(f[7]));
        }
      }
    }
    return OptionalInt.empty();
  }

  private static String hexPort(int port) {
    return String.format(Locale.ROOT, "%04X", port);
  }

  /** 127.0.0.0/8 (stored little-endian), ::1, or ::ffff:127.x.y.z. */
  private static boolean loopback(String address) {
    String ip = address.substring(0, address.indexOf(':'));
    if (ip.length() == 8) {
      return ip.endsWith("7F");
    }
    return ip.equals("00000000000000000000000001000000")
        || ip.startsWith("0000000000000000FFFF0000") && ip.endsWith("7F");
  }
}
