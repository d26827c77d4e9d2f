package io.etcdwarden.installer.certs;

import java.util.Optional;

/**
 * The phases of a CA rotation, in the order each host runs them: after {@code prepare} made a
 * new CA beside the old, every member trusts both ({@code trust-both}, a restart, since etcd
 * reads its trusted CA file only at start, etcd #11555), then gets certificates from the new CA
 * ({@code reissue}, no restart), then trusts the new CA alone ({@code trust-new}, a restart).
 * A phase may start on a host only when every member has finished the one before.
 */
public enum RotationPhase {
  PREPARE("prepare"),
  TRUST_BOTH("trust-both"),
  REISSUE("reissue"),
  TRUST_NEW("trust-new");

  private final String word;

  RotationPhase(String word) {
    this.word = word;
  }

  /** The phase as the operator types it. */
  public String word() {
    return word;
  }

  /** The phase every member must have finished before this one, none for {@code prepare}. */
  public Optional<RotationPhase> before() {
    return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
  }

  /** The phase named {@code word}, as recorded in etcd. */
  public static Optional<RotationPhase> of(String word) {
    for (RotationPhase p : values()) {
      if (p.word.equals(word)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
