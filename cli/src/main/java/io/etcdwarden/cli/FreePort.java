package io.etcdwarden.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Prints a free loopback port, for {@code bin/etcd-warden-cds}: its training run starts a
 * daemon there so the class-data archive covers the plugin's warm path as well.
 */
public final class FreePort {
  private FreePort() {}

  public static void main(String[] args) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      System.out.println(socket.getLocalPort());
    }
  }
}
