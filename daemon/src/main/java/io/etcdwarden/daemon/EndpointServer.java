package io.etcdwarden.daemon;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's small HTTP/1.1 server: one request per connection, each connection on a thread
 * of its own, so a slow or silent client never holds up another. A client must send its whole
 * request head within {@link #READ_TIMEOUT}, and a connection lives at most {@link
 * #CONNECTION_LIFETIME} (a client that stops reading its answer is cut off too); beyond {@link
 * #MAX_CONNECTIONS} open connections, a new one is answered 503 at once and closed. Requests the
 * server cannot parse get a 400 with the reason in one plain line.
 */
final class EndpointServer implements AutoCloseable {
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
  static final Duration CONNECTION_LIFETIME = Duration.ofSeconds(15);
  static final int MAX_CONNECTIONS = 32;
  private static final Logger LOG = LoggerFactory.getLogger(EndpointServer.class);

  private final ServerSocket server;
  private final Function<EndpointRequest, EndpointAnswer> routes;
  private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
  private final ExecutorService workers = Executors.newCachedThreadPool(
      named("etcd-warden-http"));
  private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(
      named("etcd-warden-http-reaper"));
  private final Thread acceptor;

  /** Listens on {@code address} now and serves {@code routes} until {@link #close}. */
  EndpointServer(InetSocketAddress address, Function<EndpointRequest, EndpointAnswer> routes)
      throws IOException {
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    try {
      server.bind(address, 64);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    this.routes = routes;
    acceptor = named("etcd-warden-http-accept").newThread(this::accept);
    acceptor.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("endpoint: accept failed: {}", e.toString());
        }
        continue;
      }
      if (!connections.tryAcquire()) {
        // A 503 fits the socket's send buffer: writing it never blocks this thread.
        reply(socket, EndpointAnswer.text(503, "too many connections; try again"));
        closeQuietly(socket);
        continue;
      }
      ScheduledFuture<?> cutOff = reaper.schedule(() -> closeQuietly(socket),
          CONNECTION_LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
      try {
        workers.execute(() -> {
          try {
            serve(socket);
          } finally {
            cutOff.cancel(false);
            closeQuietly(socket);
            connections.release();
          }
        });
      } catch (RuntimeException e) {
        cutOff.cancel(false);
        closeQuietly(socket);
        connections.release();
      }
    }
  }

  private void serve(Socket socket) {
    EndpointAnswer answer;
    try {
      socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
      EndpointRequest request = EndpointRequest.read(new BufferedInputStream(
          socket.getInputStream()), (InetSocketAddress) socket.getRemoteSocketAddress(),
          (InetSocketAddress) socket.getLocalSocketAddress());
      answer = answer(request);
    } catch (SocketTimeoutException e) {
      answer = EndpointAnswer.text(408, "request not complete within "
          + READ_TIMEOUT.toSeconds() + " s");
    } catch (EndpointRequest.Malformed e) {
      answer = EndpointAnswer.text(400, e.getMessage());
    } catch (IOException e) {
      return; // the client went away or was cut off: nobody to answer
    }
    reply(socket, answer);
  }

  private EndpointAnswer answer(EndpointRequest request) {
    try {
      return routes.apply(request);
    } catch (RuntimeException e) {
      LOG.warn("endpoint: {} {} failed: {}", request.method(), request.path(), e.toString());
      return EndpointAnswer.text(500, "internal error; see the daemon's log");
    }
  }

  private static void reply(Socket socket, EndpointAnswer answer) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.code()).append(' ')
        .append(answer.reason()).append("\r\nContent-Type: ").append(answer.contentType())
        .append("\r\nContent-Length: ").append(answer.body().length)
        .append("\r\nConnection: close\r\n");
    for (Map.Entry<String, String> h : answer.headers().entrySet()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("\r\n");
    try {
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(answer.body());
      out.flush();
      socket.shutdownOutput();
    } catch (IOException e) {
      LOG.debug("endpoint: could not answer {}: {}", socket.getRemoteSocketAddress(),
          e.toString());
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("endpoint: close failed: {}", e.toString());
    }
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      LOG.debug("endpoint: close failed: {}", e.toString());
    }
    workers.shutdownNow();
    reaper.shutdownNow();
  }
}
