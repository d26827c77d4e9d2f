package io.etcdwarden.testkit.storage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON bodies {@link GcsTestServer} answers with: object metadata and errors, as GCS. */
final class GcsAnswers {
  private GcsAnswers() {}

  static Map<String, Object> metadata(GcsObjects.StoredObject o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "storage#object");
    m.put("id", o.bucket() + "/" + o.name() + "/" + o.generation());
    m.put("name", o.name());
    m.put("bucket", o.bucket());
    m.put("generation", Long.toString(o.generation()));
    m.put("metageneration", "1");
    m.put("contentType", "application/octet-stream");
    m.put("size", Integer.toString(o.data().length));
    m.put("timeCreated", o.updated().toString());
    m.put("updated", o.updated().toString());
    return m;
  }

  static void json(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = GcsTestServer.JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes = ("{\"error\":{\"code\":" + status + ",\"message\":"
        + GcsTestServer.JSON.writeValueAsString(message) + ",\"errors\":[{\"message\":"
        + GcsTestServer.JSON.writeValueAsString(message) + "}]}}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
