package io.etcdwarden.testkit.storage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON API's resumable upload for {@link GcsTestServer}: a POST opens a session, PUTs
 * carry chunks at the offsets the client names (answered 308 with the range held until the
 * last), and the last chunk commits the object under its {@code ifGenerationMatch}.
 */
final class GcsUpload {
  private static final Pattern RANGE = Pattern.compile("bytes (\\*|(\\d+)-(\\d+))/(\\*|\\d+)");

  private final HttpExchange exchange;
  private final GcsObjects state;
  private final Map<String, String> query;

  GcsUpload(HttpExchange exchange, GcsObjects state, Map<String, String> query) {
    this.exchange = exchange;
    this.state = state;
    this.query = query;
  }

  void start(String bucket) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String name = query.get("name");
    if (name == null && body.length > 0) {
      name = GcsTestServer.JSON.readTree(body).path("name").asText(null);
    }
    String precondition = query.get("ifGenerationMatch");
    String id = UUID.randomUUID().toString();
    state.uploads.put(id, new GcsObjects.Upload(bucket, name,
        precondition == null ? null : Long.valueOf(precondition)));
    String host = exchange.getRequestHeaders().getFirst("Host");
    exchange.getResponseHeaders().add("Location", "http://" + host
        + "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable&upload_id=" + id);
    exchange.sendResponseHeaders(200, -1);
  }

  void resume(ConcurrentSkipListMap<String, GcsObjects.StoredObject> objects)
      throws IOException {
    GcsObjects.Upload upload = state.uploads.get(query.get("upload_id"));
    if (upload == null) {
      GcsAnswers.error(exchange, 404, "no upload " + query.get("upload_id"));
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    String header = exchange.getRequestHeaders().getFirst("Content-Range");
    Matcher range = RANGE.matcher(header == null ? "bytes */*" : header);
    if (!range.matches()) {
      GcsAnswers.error(exchange, 400, "bad Content-Range " + header);
      return;
    }
    synchronized (upload) {
      if (range.group(2) != null && Long.parseLong(range.group(2)) == upload.received.size()) {
        upload.received.write(body, 0, body.length);
      }
      long have = upload.received.size();
      if (range.group(4).equals("*") || Long.parseLong(range.group(4)) != have) {
        if (have > 0) {
          exchange.getResponseHeaders().add("Range", "bytes=0-" + (have - 1));
        }
        exchange.sendResponseHeaders(308, -1);
        return;
      }
      state.uploads.remove(query.get("upload_id"));
      GcsObjects.StoredObject stored;
      // The precondition is checked and the object stored in one step, as GCS does at commit:
      // two uploads racing for one name never both succeed.
      synchronized (objects) {
        GcsObjects.StoredObject existing = objects.get(upload.name);
        long generation = existing == null ? 0 : existing.generation();
        if (upload.ifGenerationMatch != null && upload.ifGenerationMatch != generation) {
          stored = null;
        } else {
          stored = new GcsObjects.StoredObject(upload.bucket, upload.name,
              upload.received.toByteArray(), state.generations.incrementAndGet(), Instant.now());
          objects.put(upload.name, stored);
        }
      }
      if (stored == null) {
        GcsAnswers.error(exchange, 412, "conditionNotMet: " + upload.name);
      } else {
        GcsAnswers.json(exchange, 200, GcsAnswers.metadata(stored));
      }
    }
  }
}
