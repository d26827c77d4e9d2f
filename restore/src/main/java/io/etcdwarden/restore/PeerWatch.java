package io.etcdwarden.restore;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Compares, at most once a second, the cluster ID this member's peer URL answers with the one
 * every other member's peer URL answers ({@link PeerClusterIds}). A peer that does not answer
 * has not started yet and is no finding; a peer in another cluster is. The wait gives up only
 * once so many peers are in other clusters that this member's cluster can no longer reach a
 * quorum: with one odd host out of three, the other two still form the cluster.
 */
final class PeerWatch {
  private static final long INTERVAL_NANOS = 1_000_000_000L;
  private final PeerClusterIds ids;
  private final String self;
  private final URI ownPeerUrl;
  private final Map<String, List<URI>> members;
  private long nextCheck = System.nanoTime();
  private Optional<String> mismatch = Optional.empty();
  private boolean hopeless;

  PeerWatch(PeerClusterIds ids, String self, URI ownPeerUrl, Map<String, List<URI>> members) {
    this.ids = ids;
    this.self = self;
    this.ownPeerUrl = ownPeerUrl;
    this.members = Map.copyOf(members);
  }

  /**
   * False once so many peers answered another cluster ID that no quorum can form with this
   * member; checks again when a second has passed.
   */
  synchronized boolean quorumPossible() {
    if (!hopeless && System.nanoTime() - nextCheck >= 0) {
      nextCheck = System.nanoTime() + INTERVAL_NANOS;
      int elsewhere = check();
      int quorum = members.size() / 2 + 1;
      hopeless = members.size() - elsewhere < quorum;
    }
    return !hopeless;
  }

  /** Checks now: the first peer found in another cluster, described in one sentence. */
  synchronized Optional<String> findMismatch() {
    check();
    return mismatch;
  }

  /** The last mismatch seen, if any. */
  synchronized Optional<String> mismatch() {
    return mismatch;
  }

  /** How many peers answer another cluster ID now; remembers the first one's description. */
  private int check() {
    OptionalLong mine = ids.of(ownPeerUrl);
    if (mine.isEmpty()) {
      return 0;
    }
    List<String> elsewhere = new ArrayList<>();
    for (Map.Entry<String, List<URI>> member : members.entrySet()) {
      if (member.getKey().equals(self)) {
        continue;
      }
      URI url = member.getValue().get(0);
      OptionalLong theirs = ids.of(url);
      if (theirs.isPresent() && theirs.getAsLong() != mine.getAsLong()) {
        elsewhere.add(member.getKey());
        if (elsewhere.size() == 1) {
          mismatch = Optional.of("the members did not form one cluster: member "
              + member.getKey() + " (" + url + ") is in cluster "
              + Long.toHexString(theirs.getAsLong()) + ", member " + self + " in "
              + Long.toHexString(mine.getAsLong()) + ": the hosts restored different archives"
              + " (or were installed with different --initial-cluster); run restore --cluster"
              + " with the same archive on every host");
        }
      }
    }
    return elsewhere.size();
  }
}
