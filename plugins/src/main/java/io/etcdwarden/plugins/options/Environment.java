package io.etcdwarden.plugins.options;

import java.util.Map;

/**
 * The process environment a command or plugin run works with, injected so tests can pass their
 * own {@code ETCDCTL_*} variables instead of mutating the JVM's, and so the daemon can answer a
 * plugin run with its caller's variables rather than its own.
 */
public record Environment(Map<String, String> variables) {
  public Environment {
    variables = Map.copyOf(variables);
  }
}
