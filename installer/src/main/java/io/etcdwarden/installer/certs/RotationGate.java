package io.etcdwarden.installer.certs;

import io.etcdwarden.core.WardenException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a member may run a rotation phase now: a rotation must be prepared (and this host hold
 * the CA that was prepared), the member must have finished the phase before and not this one,
 * and every other member must have finished the phase before too; each refusal is one line that
 * names the members that lag.
 */
final class RotationGate {
  private RotationGate() {}

  static void requirePrepared(Optional<String> preparedCa) {
    if (preparedCa.isEmpty()) {
      throw WardenException.badInput("no CA rotation is prepared in this cluster; run 'certs"
          + " rotate-ca prepare' on the CA's host first");
    }
  }

  static void check(RotationPhase phase, String member, List<String> members,
      Optional<String> preparedCa, String localNewCa, Map<String, RotationPhase> done) {
    requirePrepared(preparedCa);
    if (!preparedCa.get().equals(localNewCa)) {
      throw WardenException.badInput("the new CA on this host (serial " + localNewCa + ") is not"
          + " the one prepared (serial " + preparedCa.get() + "); copy the CA folder's rotation/"
          + " from the CA's host");
    }
    RotationPhase before = phase.before().orElseThrow();
    RotationPhase mine = done.getOrDefault(member, RotationPhase.PREPARE);
    if (mine.compareTo(phase) >= 0) {
      throw WardenException.badInput("member " + member + " has already finished " + phase.word()
          + " (it is at " + mine.word() + "); run the next phase");
    }
    if (mine != before) {
      throw WardenException.badInput("member " + member + " has not finished " + before.word()
          + " yet (it is at " + mine.word() + "); run 'certs rotate-ca " + before.word()
          + "' here first");
    }
    List<String> lagging = members.stream()
        .filter(m -> done.getOrDefault(m, RotationPhase.PREPARE).compareTo(before) < 0)
        .toList();
    if (!lagging.isEmpty()) {
      throw WardenException.badInput("refusing " + phase.word() + " on " + member + ": "
          + String.join(", ", lagging) + " must finish " + before.word() + " first");
    }
  }
}
