package io.etcdwarden.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.etcdwarden.checks.warm.DaemonCache;
import io.etcdwarden.checks.warm.SurveyJson;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.DaemonSection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The daemon's HTTP endpoint on {@code daemon.listen} (loopback by default: nothing is exposed
 * to the network unless the operator says so): {@code /v1/cluster}, the last survey for
 * {@code check_etcd_cluster}'s warm path (503 until the first); {@code /v1/status}, jobs and
 * runs for {@code etcd-warden status}; {@code /metrics}, Prometheus text;
 * {@code /v1/plugin/cluster}, a whole plugin run for the shell fast path ({@link
 * PluginHandler}). GET only; nothing here writes but a plugin run's own {@code --state-file}.
 */
final class DaemonEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  DaemonEndpoint(DaemonSection section, HealthJob health, Supplier<DaemonStatus> status,
      DaemonMetrics metrics, PluginAnswerer plugin) {
    try {
      server = HttpServer.create(new InetSocketAddress(section.listenHost(),
          section.listenPort()), 16);
    } catch (IOException e) {
      throw WardenException.badInput(DaemonSection.NAME + "." + DaemonSection.LISTEN + " "
          + section.listen() + ": cannot listen there (" + e.getMessage()
          + "; is another daemon running?)", e);
    }
    server.createContext(DaemonCache.PATH, x -> answer(x, () -> health.last()
        .map(SurveyJson::write).orElse(null), "application/json"));
    server.createContext(PluginHandler.PATH, new PluginHandler(health::last, plugin,
        section.listenHost(), () -> server.getAddress().getPort(), metrics));
    server.createContext("/v1/status", x -> answer(x, () -> status.get().toJson(),
        "application/json"));
    server.createContext("/metrics", x -> answer(x, () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        metrics.write(out);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return out.toByteArray();
    }, DaemonMetrics.contentType()));
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "etcd-warden-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  private static void answer(HttpExchange exchange, Supplier<byte[]> body, String type)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.get();
      if (bytes == null) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
