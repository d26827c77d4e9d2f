package io.etcdwarden.testkit.storage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON API's reads for {@link GcsTestServer}: an object's metadata, its bytes (whole or a
 * {@code Range}), and a listing by prefix and delimiter.
 */
final class GcsReads {
  private final HttpExchange exchange;
  private final Map<String, String> query;

  GcsReads(HttpExchange exchange, Map<String, String> query) {
    this.exchange = exchange;
    this.query = query;
  }

  void get(GcsObjects.StoredObject object) throws IOException {
    if (object == null) {
      GcsAnswers.error(exchange, 404, "no such object");
    } else if ("media".equals(query.get("alt"))) {
      media(object);
    } else {
      GcsAnswers.json(exchange, 200, GcsAnswers.metadata(object));
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

  void list(ConcurrentSkipListMap<String, GcsObjects.StoredObject> objects)
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
        items.add(GcsAnswers.metadata(o));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "storage#objects");
    body.put("items", items);
    body.put("prefixes", new ArrayList<>(prefixes));
    GcsAnswers.json(exchange, 200, body);
  }
}
