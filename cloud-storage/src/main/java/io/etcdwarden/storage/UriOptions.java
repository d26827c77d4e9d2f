package io.etcdwarden.storage;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ?key=value&...} options of a store URI, checked against the keys its provider
 * knows so that a typo ({@code ?endpiont=}) is an error naming the key, not a silent default.
 */
public final class UriOptions {
  private final URI uri;
  private final Map<String, String> values;

  private UriOptions(URI uri, Map<String, String> values) {
    this.uri = uri;
    this.values = values;
  }

  /** Parses the query of {@code uri}; unknown keys are a bad-input error. */
  public static UriOptions parse(URI uri, Set<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "true" : decode(pair.substring(eq + 1));
        if (!known.contains(key)) {
          throw WardenException.badInput("unknown option '" + key + "' in " + uri
              + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
        }
        values.put(key, value);
      }
    }
    return new UriOptions(uri, values);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A true/false option; anything else is an error naming the key. */
  public boolean flag(String key) {
    String value = values.getOrDefault(key, "false");
    if (!value.equals("true") && !value.equals("false")) {
      throw WardenException.badInput("option '" + key + "' in " + uri + " must be true or false");
    }
    return Boolean.parseBoolean(value);
  }

  /** A non-negative whole number option. */
  public long number(String key, long fallback) {
    String value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw WardenException.badInput("option '" + key + "' in " + uri
        + " must be a whole number >= 0, got '" + value + "'");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
