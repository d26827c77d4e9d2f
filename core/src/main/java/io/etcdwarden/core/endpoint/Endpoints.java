package io.etcdwarden.core.endpoint;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses etcd client endpoints the way etcdctl accepts them: {@code https://host:port},
 * {@code http://host:port}, or a bare {@code host:port} whose scheme follows the TLS settings
 * (https when a CA or client certificate is configured, as etcdctl does), with IPv6 hosts in
 * brackets and a trailing slash tolerated. Results are normalised to {@code scheme://host:port}.
 * Anything else fails with a {@link WardenException#badInput} that names where the text came
 * from, because an endpoint typo otherwise surfaces much later as a confusing connection error.
 */
public final class Endpoints {
  private static final String EXPECTED = "expected https://HOST:PORT";

  private Endpoints() {}

  /** Splits a comma-separated list; blank items are skipped, duplicates dropped. */
  public static List<URI> parseList(String commaSeparated, boolean tls, String source) {
    List<URI> endpoints = new ArrayList<>();
    for (String item : commaSeparated.split(",")) {
      if (!item.isBlank()) {
        URI endpoint = parse(item, tls, source);
        if (!endpoints.contains(endpoint)) {
          endpoints.add(endpoint);
        }
      }
    }
    return List.copyOf(endpoints);
  }

  /** Parses one endpoint; {@code tls} decides the scheme of a bare {@code host:port}. */
  public static URI parse(String text, boolean tls, String source) {
    String trimmed = text.trim();
    String withoutSlash = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    int schemeEnd = withoutSlash.indexOf("://");
    String scheme;
    String authority;
    if (schemeEnd >= 0) {
      scheme = withoutSlash.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      authority = withoutSlash.substring(schemeEnd + 3);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw invalid(text, source, "");
      }
    } else {
      scheme = tls ? "https" : "http";
      authority = withoutSlash;
    }
    if (authority.contains("/") || authority.contains("?") || authority.contains("#")) {
      throw invalid(text, source, "; no path allowed");
    }
    if (authority.contains("@")) {
      throw invalid(text, source, "; no user name allowed");
    }
    URI uri;
    try {
      uri = new URI(scheme + "://" + authority);
    } catch (URISyntaxException e) {
      throw invalid(text, source, "");
    }
    if (uri.getHost() == null) {
      throw invalid(text, source, authority.matches(".*:.*:.*") && !authority.startsWith("[")
          ? "; put IPv6 addresses in brackets: [::1]:2379" : "");
    }
    if (uri.getPort() < 1 || uri.getPort() > 65535) {
      throw invalid(text, source, uri.getPort() == -1 ? "; the port is missing" : "; bad port");
    }
    return uri;
  }

  private static WardenException invalid(String text, String source, String detail) {
    return WardenException.badInput(
        source + ": '" + text.trim() + "' is not an etcd endpoint (" + EXPECTED + detail + ")");
  }
}
