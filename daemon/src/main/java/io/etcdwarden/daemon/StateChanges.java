package io.etcdwarden.daemon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state each repeating job last reported, so the log gets one line when it changes (OK to
 * WARNING and back) rather than one per run. A failure forgets the job's state: the first
 * success after it is a change again.
 */
final class StateChanges {
  private final Map<String, String> last = new ConcurrentHashMap<>();

  /** True when {@code state} differs from {@code job}'s last one (or is empty: no state). */
  boolean changed(String job, String state) {
    return state.isEmpty() || !state.equals(last.put(job, state));
  }

  void failed(String job) {
    last.remove(job);
  }
}
