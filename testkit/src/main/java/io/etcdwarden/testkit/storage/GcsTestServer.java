package io.etcdwarden.testkit.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small GCS JSON API server on the JDK's HttpServer (127.0.0.1, free port), for exactly what
 * the real google-cloud-storage client uses: resumable uploads in several chunks (308 until
 * the last), object metadata, {@code alt=media} downloads with ranges, listing with prefix and
 * delimiter, delete, and {@code ifGenerationMatch} preconditions (412). Objects live in memory;
 * an upload that is never finalised never becomes an object. No GCS emulator installs here.
 */
public final class GcsTestServer implements BeforeAllCallback, AfterAllCallback {
  static final ObjectMapper JSON = new ObjectMapper();
  private final GcsObjects state = new GcsObjects();
  private HttpServer server;
  private ExecutorService pool;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    pool = Executors.newFixedThreadPool(8);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop(0);
    pool.shutdownNow();
  }

  /** {@code http://127.0.0.1:PORT}, for {@code ?endpoint=}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A new, empty bucket with a unique name. */
  public String createBucket() {
    String name = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    state.buckets.put(name, new ConcurrentSkipListMap<>());
    return name;
  }

  /** Uploads started but never finalised (abandoned or still running). */
  public int openUploads() {
    return state.uploads.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      new GcsRequest(exchange, state).serve();
    } catch (RuntimeException e) {
      GcsAnswers.error(exchange, 500, e.toString());
    }
  }
}
