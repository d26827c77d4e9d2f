package io.etcdwarden.core.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * etcdctl's {@code -w fields} layout from a JSON tree: one {@code "Key" : value} line per scalar,
 * keys in etcdctl's CamelCase ({@code db_size_bytes} becomes {@code DbSizeBytes}), strings quoted,
 * numbers and booleans bare; a list of scalars repeats its key once per item (as etcdctl repeats
 * {@code "PeerURL"}); each object in a list prints its fields followed by an empty line (as
 * etcdctl separates members and endpoints); a nested object prefixes its keys with its own name.
 */
final class FieldLines {
  private FieldLines() {}

  static String render(JsonNode tree) {
    StringBuilder out = new StringBuilder();
    if (tree.isArray()) {
      tree.forEach(item -> object("", item, out));
    } else {
      fields("", tree, out);
    }
    return out.toString();
  }

  private static void fields(String prefix, JsonNode node, StringBuilder out) {
    if (!node.isObject()) {
      line(prefix.isEmpty() ? "Value" : prefix, node, out);
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = prefix + camel(field.getKey());
      JsonNode value = field.getValue();
      if (value.isObject()) {
        fields(key, value, out);
      } else if (value.isArray()) {
        boolean objects = value.size() > 0 && value.get(0).isObject();
        if (objects) {
          value.forEach(item -> object("", item, out));
        } else {
          value.forEach(item -> line(key, item, out));
        }
      } else {
        line(key, value, out);
      }
    }
  }

  private static void object(String prefix, JsonNode item, StringBuilder out) {
    fields(prefix, item, out);
    out.append('\n');
  }

  private static void line(String key, JsonNode value, StringBuilder out) {
    out.append('"').append(key).append("\" : ");
    out.append(value.isTextual() ? value.toString() : value.isNull() ? "\"\"" : value.asText());
    out.append('\n');
  }

  /** {@code db_size_bytes} or {@code dbSize} to {@code DbSizeBytes}/{@code DbSize}. */
  static String camel(String key) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : key.toCharArray()) {
      if (c == '_' || c == '-' || c == '.') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString().toUpperCase(Locale.ROOT).equals("ID") ? "ID" : out.toString();
  }
}
