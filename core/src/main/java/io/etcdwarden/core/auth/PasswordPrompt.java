package io.etcdwarden.core.auth;

import java.util.Optional;

/**
 * Asks the operator for a password without echoing it; empty when there is nobody to ask (no
 * terminal: cron, NRPE, systemd). The CLI gives one backed by the console; everything else
 * passes {@link #NONE}.
 */
@FunctionalInterface
public interface PasswordPrompt {
  /** Nobody to ask. */
  PasswordPrompt NONE = question -> Optional.empty();

  /** The typed password, or empty when there is no terminal to ask on. */
  Optional<String> ask(String question);
}
