package io.etcdwarden.testkit.storage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One request to {@link GcsTestServer}: its query and its route to an upload or a read. */
final class GcsRequest {
  private static final Pattern OBJECTS =
      Pattern.compile("^(?:/download|/upload)?/storage/v1/b/([^/]+)/o(?:/(.+))?$");

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
      GcsAnswers.error(exchange, 404, "no route " + exchange.getRequestURI());
      return;
    }
    String bucket = m.group(1);
    ConcurrentSkipListMap<String, GcsObjects.StoredObject> objects = state.buckets.get(bucket);
    if (objects == null) {
      GcsAnswers.error(exchange, 404, "no bucket " + bucket);
      return;
    }
    String name = m.group(2) == null ? null : decode(m.group(2));
    String method = exchange.getRequestMethod();
    if (query.containsKey("upload_id")) {
      new GcsUpload(exchange, state, query).resume(objects);
    } else if (method.equals("POST") && "resumable".equals(query.get("uploadType"))) {
      new GcsUpload(exchange, state, query).start(bucket);
    } else if (method.equals("GET") && name == null) {
      new GcsReads(exchange, query).list(objects);
    } else if (method.equals("GET")) {
      new GcsReads(exchange, query).get(objects.get(name));
    } else if (method.equals("DELETE") && name != null) {
      exchange.sendResponseHeaders(objects.remove(name) == null ? 404 : 204, -1);
    } else {
      GcsAnswers.error(exchange, 405, method + " " + exchange.getRequestURI());
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
