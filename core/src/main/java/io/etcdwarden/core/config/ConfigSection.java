package io.etcdwarden.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One top-level section of {@code warden.yaml} as a parsed tree, with typed getters whose
 * failures name the file and the dotted key ({@code etcd.port}) and say what is allowed. Section
 * readers go through here so that no Jackson message ever reaches the operator. A key written
 * with no value ({@code cacert:}) counts as not given.
 */
final class ConfigSection {
  private final String source;
  private final String name;
  private final JsonNode node;

  /** {@code node} is the section's value, or null when the file has no such section. */
  ConfigSection(String source, String name, JsonNode node) {
    this.source = source;
    this.name = name;
    this.node = node;
    if (node != null && !node.isNull() && !node.isObject()) {
      throw WardenException.badInput(source + ": " + name + " must be a mapping (indented"
          + " 'key: value' lines under '" + name + ":'), got " + shown(node));
    }
  }

  /**
   * Fails on the first key that is not one of {@code known}, listing the known ones; a
   * {@code deprecated} key is accepted and not listed.
   */
  void requireOnlyKeys(List<String> known, String... deprecated) {
    if (node == null || node.isNull()) {
      return;
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key) && !List.of(deprecated).contains(key)) {
        throw WardenException.badInput(source + ": unknown key '" + name + "." + key
            + "' (known keys: " + String.join(", ", known) + ")");
      }
    }
  }

  /** Whether the file has {@code key} in this section, with or without a value. */
  boolean has(String key) {
    return node != null && !node.isNull() && node.has(key);
  }

  /** The file's name, as every message starts. */
  String source() {
    return source;
  }

  Optional<String> text(String key) {
    JsonNode value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw invalid(key, "a string", value);
    }
    return Optional.of(value.asText().trim());
  }

  String text(String key, String defaultValue) {
    return text(key).orElse(defaultValue);
  }

  /** A name used inside other names (a Nagios context): non-empty, no whitespace. */
  String name(String key, String defaultValue) {
    String text = text(key, defaultValue);
    if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(key, "a non-empty name without spaces", value(key));
    }
    return text;
  }

  /** A file path; empty text counts as not given. */
  Optional<Path> path(String key) {
    Optional<String> text = text(key).filter(t -> !t.isEmpty());
    try {
      return text.map(Path::of);
    } catch (InvalidPathException e) {
      throw invalid(key, "a file path", value(key));
    }
  }

  int port(String key, int defaultValue) {
    return integer(key, 1, 65535, "an integer 1-65535", defaultValue);
  }

  /** An integer of at least {@code min}. */
  int count(String key, int min, int defaultValue) {
    return integer(key, min, 999_999_999, "an integer of at least " + min, defaultValue);
  }

  private int integer(String key, int min, int max, String expected, int defaultValue) {
    JsonNode value = value(key);
    if (value == null) {
      return defaultValue;
    }
    String text = value.isValueNode() ? value.asText().trim() : "";
    if (!text.matches("\\d{1,9}") || Integer.parseInt(text) < min
        || Integer.parseInt(text) > max) {
      throw invalid(key, expected, value);
    }
    return Integer.parseInt(text);
  }

  /** One of {@code allowed}, compared case-insensitively and returned in lower case. */
  String choice(String key, List<String> allowed, String defaultValue) {
    String text = text(key, defaultValue).toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(text)) {
      throw invalid(key, "one of " + String.join(", ", allowed), value(key));
    }
    return text;
  }

  /** An absolute URI with one of the given schemes; empty text counts as not given. */
  Optional<URI> uri(String key, String expected, String... schemes) {
    Optional<String> text = text(key).filter(t -> !t.isEmpty());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get());
      if (uri.getScheme() != null && List.of(schemes).contains(uri.getScheme())) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below, with the key
    }
    throw invalid(key, expected, value(key));
  }

  Optional<Duration> duration(String key) {
    JsonNode value = value(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw invalid(key, "a duration like 500ms, 5s or 2m", value);
    }
    return Optional.of(Durations.parse(value.asText(), source + ": " + name + "." + key));
  }

  /** A YAML list of strings, or one comma-separated string; blank items are dropped. */
  List<String> list(String key) {
    JsonNode value = value(key);
    List<String> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isValueNode()) {
          throw invalid(key, "a list of strings or a comma-separated string", value);
        }
        addCommaSeparated(item.asText(), items);
      }
    } else if (value.isValueNode()) {
      addCommaSeparated(value.asText(), items);
    } else {
      throw invalid(key, "a list of strings or a comma-separated string", value);
    }
    return items;
  }

  private static void addCommaSeparated(String text, List<String> into) {
    Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(into::add);
  }

  /** The key's value, or null when absent or written without a value. */
  private JsonNode value(String key) {
    JsonNode value = node == null ? null : node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  private WardenException invalid(String key, String expected, JsonNode value) {
    return WardenException.badInput(
        source + ": " + name + "." + key + " must be " + expected + ", got " + shown(value));
  }

  private static String shown(JsonNode value) {
    return value.isValueNode() ? "'" + value.asText() + "'" : value.toString();
  }
}
