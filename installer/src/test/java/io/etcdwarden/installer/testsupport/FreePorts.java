package io.etcdwarden.installer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports that were free a moment ago, for etcd members started by tests. */
public final class FreePorts {
  private FreePorts() {}

  /** A port the kernel just handed out on 127.0.0.1 and that is closed again. */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
