package io.etcdwarden.installer.config;

/**
 * etcd's {@code initial-cluster-state}: whether a member bootstraps a new cluster together with
 * the other members of {@code initial-cluster}, or joins a running cluster that already lists it
 * (after {@code member add}). It only matters on a member's first start; once the data
 * directory exists etcd ignores it.
 */
public enum ClusterState {
  /** All members of {@code initial-cluster} start together and form a new cluster. */
  NEW("new"),
  /** The member joins a cluster that was told about it with {@code member add}. */
  EXISTING("existing");

  private final String configValue;

  ClusterState(String configValue) {
    this.configValue = configValue;
  }

  /** The value as etcd's config file spells it. */
  public String configValue() {
    return configValue;
  }
}
