package io.etcdwarden.core.daemon;

import io.etcdwarden.core.WardenException;
import java.net.URI;

/**
 * {@code host:port} of the daemon's endpoint (a {@code --daemon} or {@code --listen} flag, or
 * {@code daemon.listen}) as an http base URI, or one line naming the flag. The daemon itself,
 * {@code status} and the plugin's warm path all read the address through here.
 */
public final class DaemonAddress {
  private DaemonAddress() {}

  /** {@code flag}: what the operator wrote it as, named in the message when it is wrong. */
  public static URI parse(String hostPort, String flag) {
    int colon = hostPort.lastIndexOf(':');
    String port = colon > 0 ? hostPort.substring(colon + 1) : "";
    if (!port.matches("\\d{1,5}")) {
      throw WardenException.badInput(flag + ": want host:port like 127.0.0.1:2389, got '"
          + hostPort + "'");
    }
    try {
      return URI.create("http://" + hostPort);
    } catch (IllegalArgumentException e) {
      throw WardenException.badInput(flag + ": not a host:port: '" + hostPort + "'");
    }
  }
}
