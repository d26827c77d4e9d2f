package io.etcdwarden.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The full member list of a cluster being rebuilt, as the installer wrote it into the member's
 * etcd config ({@code initial-cluster: a=https://..,b=https://..}): every host installed with
 * the same {@code --initial-cluster} reads the same list. With the archive's sha256 it gives the
 * new cluster's token, which every host thus computes alike without talking to the others.
 *
 * @param peerUrls each member's peer URLs, by name (sorted, so the list has one spelling)
 */
record RebuildMembers(Map<String, List<URI>> peerUrls) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final String TOKEN_PREFIX = "warden-rebuild-";

  RebuildMembers {
    peerUrls = Map.copyOf(peerUrls);
  }

  /** The {@code initial-cluster} of etcd config {@code config}. */
  static RebuildMembers read(Path config) {
    JsonNode value;
    try {
      value = YAML.readTree(config.toFile()).path("initial-cluster");
    } catch (IOException e) {
      throw new WardenException("cannot read etcd config " + config + ": " + e.getMessage()
          + "; nothing was changed", e);
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new WardenException("etcd config " + config + " has no 'initial-cluster' to rebuild;"
          + " install the member with --initial-cluster naming every member; nothing was changed");
    }
    Map<String, List<URI>> members = new TreeMap<>();
    for (String entry : value.asText().split(",")) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new WardenException("etcd config " + config + ": 'initial-cluster' entry '"
            + entry.strip() + "' is not NAME=URL; nothing was changed");
      }
      try {
        members.computeIfAbsent(entry.substring(0, eq).strip(), n -> new ArrayList<>())
            .add(URI.create(entry.substring(eq + 1).strip()));
      } catch (IllegalArgumentException e) {
        throw new WardenException("etcd config " + config + ": 'initial-cluster' entry '"
            + entry.strip() + "' has no valid URL; nothing was changed");
      }
    }
    return new RebuildMembers(members);
  }

  List<String> names() {
    return List.copyOf(new TreeMap<>(peerUrls).keySet());
  }

  boolean includes(String member) {
    return peerUrls.containsKey(member);
  }

  /** {@code name=url,...} in name order: the restore tool's {@code --initial-cluster}. */
  String initialCluster() {
    List<String> entries = new ArrayList<>();
    new TreeMap<>(peerUrls).forEach((name, urls) -> urls.forEach(u -> entries.add(name + "=" + u)));
    return String.join(",", entries);
  }

  /** The new cluster's token: from the archive's sha256 and this list, equal on every host. */
  String token(String archiveSha256) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((archiveSha256 + "\n"
          + initialCluster()).getBytes(StandardCharsets.UTF_8));
      return TOKEN_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
