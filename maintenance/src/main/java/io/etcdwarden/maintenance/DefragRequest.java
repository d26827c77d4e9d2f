package io.etcdwarden.maintenance;

import java.time.Duration;
import java.util.List;

/**
 * What a rolling defrag is asked to do: the members by name (empty: every member), the rule
 * that selects among them, the quota sizes are measured against, the pause between members, the
 * bound on one member's defrag, and how long the cluster may take to be ready (healthy and
 * caught up) before and after each member. {@code allowNospace} lets the run go on while etcd
 * holds a NOSPACE alarm, which is what recovering from it needs.
 */
public record DefragRequest(List<String> members, DefragRule rule, long quotaBytes,
    Duration pause, Duration memberTimeout, Duration readyWait, boolean allowNospace) {

  public DefragRequest {
    members = List.copyOf(members);
  }

  /** Defaults for every member, as {@code recover nospace} runs it. */
  public static DefragRequest everyMember(long quotaBytes, Duration pause, boolean allowNospace) {
    return new DefragRequest(List.of(), DefragRule.all(), quotaBytes, pause,
        Duration.ofMinutes(5), Duration.ofSeconds(30), allowNospace);
  }
}
