package io.etcdwarden.installer.upgrade;

import java.time.Duration;

/**
 * A finished upgrade of one member: its plan, how long the member was away (stop to healthy and
 * caught up), and where the cluster stands afterwards.
 */
public record UpgradeOutcome(UpgradePlan plan, Duration restart, ClusterStanding standing) {}
