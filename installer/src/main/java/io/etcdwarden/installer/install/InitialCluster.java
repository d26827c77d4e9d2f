package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code --initial-cluster} of a static bootstrap: {@code name=https://host:peerport,...},
 * the same string on every host. It also yields the cluster token: all members of one cluster
 * must share it, and the installer runs once per host with nothing shared but this string, so
 * the default token is derived from it (six characters of a SHA-256 over the entries sorted by
 * name). Two clusters with different members or URLs get different tokens.
 */
record InitialCluster(Map<String, URI> members) {
  private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int TOKEN_LENGTH = 6;

  public InitialCluster {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** Parses {@code text}, naming {@code --initial-cluster} and the bad entry on failure. */
  public static InitialCluster parse(String text) {
    if (text == null || text.isBlank()) {
      throw WardenException.badInput("--initial-cluster is empty; give name=https://host:port,...");
    }
    Map<String, URI> members = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw WardenException.badInput("--initial-cluster entry '" + entry.strip()
            + "' is not name=https://host:port");
      }
      String name = entry.substring(0, eq).strip();
      URI url = peerUrl(entry.substring(eq + 1).strip(), entry.strip());
      if (members.put(name, url) != null) {
        throw WardenException.badInput("--initial-cluster names member '" + name + "' twice");
      }
    }
    return new InitialCluster(members);
  }

  /** The peer URL of {@code name}, refusing a cluster that does not list it. */
  public URI peerUrlOf(String name) {
    URI url = members.get(name);
    if (url == null) {
      throw WardenException.badInput("--initial-cluster does not contain --name " + name
          + "; it lists " + String.join(", ", members.keySet()));
    }
    return url;
  }

  /** The default {@code initial-cluster-token}, equal on every host given the same members. */
  public String derivedToken() {
    String canonical = new TreeMap<>(members).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    StringBuilder token = new StringBuilder(TOKEN_LENGTH);
    for (int i = 0; i < TOKEN_LENGTH; i++) {
      token.append(TOKEN_ALPHABET.charAt((hash[i] & 0xff) % TOKEN_ALPHABET.length()));
    }
    return token.toString();
  }

  private static URI peerUrl(String text, String entry) {
    try {
      URI url = new URI(text);
      if (!"https".equals(url.getScheme()) || url.getHost() == null || url.getPort() <= 0) {
        throw WardenException.badInput("--initial-cluster entry '" + entry
            + "' needs an https://host:port peer URL (peers use mutual TLS)");
      }
      return url;
    } catch (URISyntaxException e) {
      throw WardenException.badInput("--initial-cluster entry '" + entry + "' has a malformed URL", e);
    }
  }
}
