package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Questions about this host asked before anything is installed: is an address one of ours, is a
 * port free. Each failure is one line naming the flag to change.
 */
final class HostChecks {
  private HostChecks() {}

  /** Refuses {@code host} unless it resolves to an address of a local interface. */
  static InetAddress requireLocal(String host, String flag) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw WardenException.badInput(flag + " " + host + " does not resolve; fix " + flag, e);
    }
    try {
      if (address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) {
        return address;
      }
    } catch (SocketException e) {
      throw new WardenException("cannot list network interfaces: " + e.getMessage(), e);
    }
    throw WardenException.badInput(flag + " " + host + " (" + address.getHostAddress()
        + ") is not an address of this host; run install on that host or fix " + flag);
  }

  /** Refuses {@code port} if something already listens on it at {@code bindHost}. */
  static void requireFreePort(String bindHost, int port, String flag) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(bindHost, port));
    } catch (IOException e) {
      String owner = new PortOwner(Path.of("/proc")).describe(port).map(o -> " by " + o)
          .orElse("");
      throw WardenException.badInput(flag + " " + port + ": port " + port + " on " + bindHost
          + " is already in use" + owner + "; stop that process or pick another port");
    }
  }
}
