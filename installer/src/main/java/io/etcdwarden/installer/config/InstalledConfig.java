package io.etcdwarden.installer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the member config that {@code install} rendered into an {@link EtcdMemberConfig},
 * so {@code upgrade} can render it again for the new etcd version with every setting the member
 * was installed with. Only the keys {@link EtcdConfigRenderer} writes are read; a file that lacks
 * one was not written by etcd-warden and is refused, naming the key.
 */
public final class InstalledConfig {
  private InstalledConfig() {}

  /** The member config in {@code file}. */
  public static EtcdMemberConfig read(Path file) {
    JsonNode yaml;
    try {
      yaml = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw WardenException.badInput("cannot read the member config " + file + ": "
          + e.getMessage().lines().findFirst().orElse("") + "; reinstall the member");
    }
    Reader r = new Reader(yaml, file);
    JsonNode tls = r.node("client-transport-security");
    Reader t = new Reader(tls, file);
    return EtcdMemberConfig.builder()
        .name(r.text("name"))
        .dataDir(Path.of(r.text("data-dir")))
        .listenClientUrls(r.urls("listen-client-urls"))
        .advertiseClientUrls(r.urls("advertise-client-urls"))
        .listenPeerUrls(r.urls("listen-peer-urls"))
        .initialAdvertisePeerUrls(r.urls("initial-advertise-peer-urls"))
        .listenMetricsUrls(yaml.has("listen-metrics-urls") ? r.urls("listen-metrics-urls")
            : List.of())
        .initialCluster(r.cluster("initial-cluster"))
        .initialClusterToken(r.text("initial-cluster-token"))
        .initialClusterState(r.text("initial-cluster-state").equals("existing")
            ? ClusterState.EXISTING : ClusterState.NEW)
        .snapshotCount(r.number("snapshot-count"))
        .heartbeatIntervalMs((int) r.number("heartbeat-interval"))
        .electionTimeoutMs((int) r.number("election-timeout"))
        // Left out of configs rendered for 3.6+, which deprecated it (etcd keeps its default).
        .maxSnapshots(yaml.has("max-snapshots") ? (int) r.number("max-snapshots")
            : EtcdMemberConfig.DEFAULT_MAX_SNAPSHOTS)
        .maxWals((int) r.number("max-wals"))
        .strictReconfigCheck(r.node("strict-reconfig-check").asBoolean())
        .quotaBackendBytes(yaml.has("quota-backend-bytes") ? r.number("quota-backend-bytes") : 0)
        .autoCompactionRetention(yaml.has("auto-compaction-retention")
            ? r.text("auto-compaction-retention") : "")
        .logger(r.text("logger"))
        .logOutputs(r.texts("log-outputs"))
        .certFile(Path.of(t.text("cert-file")))
        .keyFile(Path.of(t.text("key-file")))
        .trustedCaFile(Path.of(t.text("trusted-ca-file")))
        .build();
  }

  /** Reads typed values from one YAML mapping, naming the file and key when one is missing. */
  private record Reader(JsonNode map, Path file) {
    JsonNode node(String key) {
      JsonNode value = map == null ? null : map.get(key);
      if (value == null || value.isNull()) {
        throw WardenException.badInput(file + " has no '" + key + "'; it was not written by"
            + " etcd-warden install, reinstall the member");
      }
      return value;
    }

    String text(String key) {
      return node(key).asText();
    }

    long number(String key) {
      JsonNode value = node(key);
      if (!value.canConvertToLong()) {
        throw WardenException.badInput(file + ": '" + key + "' is not a number");
      }
      return value.asLong();
    }

    List<URI> urls(String key) {
      List<URI> urls = new ArrayList<>();
      for (String url : text(key).split(",")) {
        urls.add(URI.create(url.strip()));
      }
      return urls;
    }

    Map<String, URI> cluster(String key) {
      Map<String, URI> members = new LinkedHashMap<>();
      for (String entry : text(key).split(",")) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          throw WardenException.badInput(file + ": '" + key + "' entry '" + entry
              + "' is not NAME=URL");
        }
        members.put(entry.substring(0, eq).strip(), URI.create(entry.substring(eq + 1).strip()));
      }
      return members;
    }

    List<String> texts(String key) {
      List<String> values = new ArrayList<>();
      node(key).forEach(v -> values.add(v.asText()));
      return values;
    }
  }
}
