package io.etcdwarden.installer.install;

import io.etcdwarden.installer.config.EtcdMemberConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One setting of an installed member that a re-run of {@code install} would change, old and new,
 * by etcd's own config key. Settings that fix the member's identity in its cluster (its
 * advertised peer URL, initial cluster and token) cannot change in place: etcd reads them only
 * when the member first starts, and a running member changes them through {@code member
 * add|remove|update}.
 */
public record SettingChange(String setting, String before, String after) {
  /** The etcd keys a re-run may not change on an installed member. */
  static final Set<String> FIXED = Set.of("initial-cluster", "initial-cluster-token",
      "initial-advertise-peer-urls");

  private static final Map<String, Function<EtcdMemberConfig, Object>> SETTINGS = Map.of(
      "listen-client-urls", EtcdMemberConfig::listenClientUrls,
      "advertise-client-urls", EtcdMemberConfig::advertiseClientUrls,
      "listen-peer-urls", EtcdMemberConfig::listenPeerUrls,
      "initial-advertise-peer-urls", EtcdMemberConfig::initialAdvertisePeerUrls,
      "listen-metrics-urls", EtcdMemberConfig::listenMetricsUrls,
      // By name, as etcd and the derived token read it: member add writes the new member first.
      "initial-cluster", c -> new TreeMap<>(c.initialCluster()).entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
      "initial-cluster-token", EtcdMemberConfig::initialClusterToken,
      "quota-backend-bytes", EtcdMemberConfig::quotaBackendBytes,
      "auto-compaction-retention", c -> c.autoCompactionRetention().isEmpty() ? "off"
          : c.autoCompactionRetention());

  /** Every setting that differs between {@code installed} and {@code wanted}, sorted by key. */
  static List<SettingChange> between(EtcdMemberConfig installed, EtcdMemberConfig wanted) {
    List<SettingChange> changes = new ArrayList<>();
    SETTINGS.keySet().stream().sorted().forEach(key -> {
      String before = text(SETTINGS.get(key).apply(installed));
      String after = text(SETTINGS.get(key).apply(wanted));
      if (!before.equals(after)) {
        changes.add(new SettingChange(key, before, after));
      }
    });
    return changes;
  }

  /** Whether this change can be applied to the installed member. */
  public boolean inPlace() {
    return !FIXED.contains(setting);
  }

  @Override
  public String toString() {
    return setting + ": " + before + " -> " + after;
  }

  private static String text(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }
}
