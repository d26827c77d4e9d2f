package io.etcdwarden.restore;

import java.util.List;

/**
 * What one host's {@code restore --cluster} proved: its member runs in the new cluster, a quorum
 * is healthy, and every member that answered reports the same cluster ID and a revision at least
 * the manifest's.
 *
 * @param notStarted members that did not answer yet (their hosts have not run restore --cluster)
 */
public record RebuildResult(String member, long clusterId, int members, long revision,
    List<String> checked, List<String> notStarted) {
  public RebuildResult {
    checked = List.copyOf(checked);
    notStarted = List.copyOf(notStarted);
  }

  /** What restore --cluster prints when it is done, line by line. */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>(List.of("rebuilt: member " + member
        + " is in cluster " + Long.toHexString(clusterId) + " of " + members + " members, at"
        + " revision " + revision, "verified: a quorum is healthy; same cluster ID and revision"
        + " >= the manifest's on " + String.join(", ", checked)));
    if (!notStarted.isEmpty()) {
      lines.add("waiting: " + String.join(", ", notStarted) + " not started yet: run restore"
          + " --cluster there with the same archive");
    }
    return lines;
  }
}
