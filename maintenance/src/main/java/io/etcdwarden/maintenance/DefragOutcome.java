package io.etcdwarden.maintenance;

import java.util.List;

/** What a rolling defrag did, member by member, one line each, in the order it did it. */
public record DefragOutcome(List<String> lines, int defragmented, int skipped) {
  public DefragOutcome {
    lines = List.copyOf(lines);
  }
}
