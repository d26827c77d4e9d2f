package io.etcdwarden.testkit.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that forwards to a target and can break connections the way a bad
 * network does: {@link #dropAfter} resets every connection once it has carried that many bytes
 * towards the target, {@link #stallAfter} stops forwarding (without closing) after that many;
 * {@link #dropReplyAfter} and {@link #stallReplyAfter} do the same counting the bytes towards
 * the client (a download, such as etcd's snapshot stream). Put it between a client and S3Proxy,
 * the GCS test server or etcd. Closing stops it.
 */
public final class FaultProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final ServerSocket server;
  private final Thread acceptor;
  private volatile long dropAfter = Long.MAX_VALUE;
  private volatile long stallAfter = Long.MAX_VALUE;
  private volatile long dropReplyAfter = Long.MAX_VALUE;
  private volatile long stallReplyAfter = Long.MAX_VALUE;
  private final AtomicLong connections = new AtomicLong();

  public FaultProxy(URI target) throws IOException {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "fault-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code http://127.0.0.1:PORT}, to use instead of the target's address. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Resets each new connection after it sent {@code bytes} towards the target. */
  public void dropAfter(long bytes) {
    dropAfter = bytes;
  }

  /** Silently stops forwarding on each new connection after {@code bytes} towards the target. */
  public void stallAfter(long bytes) {
    stallAfter = bytes;
  }

  /** Resets each new connection after it carried {@code bytes} towards the client. */
  public void dropReplyAfter(long bytes) {
    dropReplyAfter = bytes;
  }

  /** Stops forwarding to the client (without closing) after {@code bytes} on each new one. */
  public void stallReplyAfter(long bytes) {
    stallReplyAfter = bytes;
  }

  /** Forwards everything again (for connections opened from now on). */
  public void heal() {
    dropAfter = Long.MAX_VALUE;
    stallAfter = Long.MAX_VALUE;
    dropReplyAfter = Long.MAX_VALUE;
    stallReplyAfter = Long.MAX_VALUE;
  }

  /** How many connections clients have opened. */
  public long connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        Socket upstream = new Socket();
        upstream.connect(target, 5_000);
        long drop = dropAfter;
        long stall = stallAfter;
        pump(client, upstream, client, drop, stall, "fault-proxy-up");
        pump(upstream, client, client, dropReplyAfter, stallReplyAfter, "fault-proxy-down");
      } catch (IOException e) {
        // server closed, or the target refused: the client sees its connection end
      }
    }
  }

  private static void pump(Socket from, Socket to, Socket client, long drop, long stall,
      String name) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 << 10];
      long sent = 0;
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          int allowed = (int) Math.min(n, Math.min(drop, stall) - sent);
          out.write(buffer, 0, allowed);
          sent += allowed;
          if (sent >= drop) {
            client.setSoLinger(true, 0); // RST, as a dropped connection looks to the client
            break;
          }
          if (sent >= stall) {
            in.transferTo(OutputStream.nullOutputStream()); // swallow until the client gives up
            break;
          }
        }
      } catch (IOException e) {
        // either side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
