package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import java.net.URI;

/** {@code host:port} of the daemon's endpoint as an http base URI, or one line naming the flag. */
final class DaemonAddress {
  private DaemonAddress() {}

  static URI parse(String hostPort, String flag) {
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
