package io.etcdwarden.testkit.storage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One request to {@link GcsTestServer}: routing and the JSON API's answers. */
final class GcsRequest {
  private static final Pattern OBJECTS =
      Pattern.compile("^(?:/download|/upload)?/storage/v1/b/([^/]+)/o(?:/(.+))?$");
  private static final Pattern RANGE = Pattern.compile("bytes (\\*|(\\d+)-(\\d+))/(\\*|\\d+)");

  private final HttpExchange exchange;
  private final GcsObjects state;
  private final Map<String, String> query = new LinkedHashMap<>();

  GcsRequest(HttpExchange exchange, GcsObjects state) {
    this.exchange = exchange;
    this.state = state;
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        query.put(decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
  }

  void serve() throws IOException {
    Matcher m = OBJECTS.matcher(exchange.getRequestURI().getRawPath());
    if (!m.matches()) {
      error(exchange, 404, "no route " + exchange.getRequestURI());
      return;
    }
    String bucket = m.group(1);
    ConcurrentSkipListMap<String, GcsObjects.StoredObject> objects = state.buckets.get(bucket);
    if (objects == null) {
      error(exchange, 404, "no bucket " + bucket);
      return;
    }
    String name = m.group(2) == null ? null : decode(m.group(2));
    String method = exchange.getRequestMethod();
    if (query.containsKey("upload_id")) {
      continueUpload(objects);
    } else if (method.equals("POST") && "resumable".equals(query.get("uploadType"))) {
      startUpload(bucket);
    } else if (method.equals("GET") && name == null) {
      list(objects);
    } else if (method.equals("GET")) {
      get(objects.get(name));
    } else if (method.equals("DELETE") && name != null) {
      exchange.sendResponseHeaders(objects.remove(name) == null ? 404 : 204, -1);
    } else {
      error(exchange, 405, method + " " + exchange.getRequestURI());
    }
  }

  private void startUpload(String bucket) throws IOException {
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

  private void continueUpload(ConcurrentSkipListMap<String, GcsObjects.StoredObject> objects)
      throws IOException {
    GcsObjects.Upload upload = state.uploads.get(query.get("upload_id"));
    if (upload == null) {
      error(exchange, 404, "no upload " + query.get("upload_id"));
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    String header = exchange.getRequestHeaders().getFirst("Content-Range");
    Matcher range = RANGE.matcher(header == null ? "bytes */*" : header);
    if (!range.matches()) {
      error(exchange, 400, "bad Content-Range " + header);
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
        error(exchange, 412, "conditionNotMet: " + upload.name);
      } else {
        json(200, metadata(stored));
      }
    }
  }

  private void get(GcsObjects.StoredObject object) throws IOException {
    if (object == null) {
      error(exchange, 404, "no such object");
    } else if ("media".equals(query.get("alt"))) {
      media(object);
    } else {
      json(200, metadata(object));
    }
  }

  private void media(GcsObjects.StoredObject object) throws IOException {
    byte[] data = object.data();
    String requested = exchange.getRequestHeaders().getFirst("Range");
    int from = 0;
    int to = data.length - 1;
    Matcher m = Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(requested == null ? "" : requested);
    if (m.matches()) {
      from = (int) Math.min(Long.parseLong(m.group(1)), data.length);
      to = m.group(2).isEmpty() ? to : (int) Math.min(Long.parseLong(m.group(2)), to);
    }
    int length = Math.max(0, to - from + 1);
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    exchange.getResponseHeaders().add("x-goog-generation", Long.toString(object.generation()));
    if (m.matches()) {
      exchange.getResponseHeaders().add("Content-Range",
          "bytes " + from + "-" + to + "/" + data.length);
    }
    exchange.sendResponseHeaders(m.matches() ? 206 : 200, length == 0 ? -1 : length);
    if (length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(data, from, length);
      }
    }
  }

  private void list(ConcurrentSkipListMap<String, GcsObjects.StoredObject> objects)
      throws IOException {
    String prefix = query.getOrDefault("prefix", "");
    String delimiter = query.get("delimiter");
    List<Map<String, Object>> items = new ArrayList<>();
    TreeSet<String> prefixes = new TreeSet<>();
    for (GcsObjects.StoredObject o : objects.tailMap(prefix).values()) {
      if (!o.name().startsWith(prefix)) {
        break;
      }
      String rest = o.name().substring(prefix.length());
      int cut = delimiter == null ? -1 : rest.indexOf(delimiter);
      if (cut >= 0) {
        prefixes.add(prefix + rest.substring(0, cut + delimiter.length()));
      } else {
        items.add(metadata(o));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "storage#objects");
    body.put("items", items);
    body.put("prefixes", new ArrayList<>(prefixes));
    json(200, body);
  }

  private static Map<String, Object> metadata(GcsObjects.StoredObject o) {
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

  private void json(int status, Object body) throws IOException {
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

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
