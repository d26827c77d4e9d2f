package io.etcdwarden.installer.local;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Distinct free ports on 127.0.0.1 for local members and tests. Every socket stays open until
 * all are chosen: ports taken one at a time can come back twice (a member's peer port once came
 * back as another's metrics port).
 */
public final class FreePorts {
  static final String LOOPBACK = "127.0.0.1";

  private FreePorts() {}

  /** {@code count} distinct ports that were free a moment ago. */
  public static List<Integer> loopback(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK)));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new WardenException("cannot find free ports on " + LOOPBACK + ": " + e.getMessage(),
          e);
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // Closing a listening socket we never used cannot lose anything.
        }
      }
    }
  }
}
