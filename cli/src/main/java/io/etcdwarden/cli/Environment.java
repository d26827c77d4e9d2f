package io.etcdwarden.cli;

import java.util.Map;

/**
 * The process environment a command runs with, injected so tests can pass their own
 * {@code ETCDCTL_*} variables instead of mutating the JVM's.
 */
record Environment(Map<String, String> variables) {
  public Environment {
    variables = Map.copyOf(variables);
  }
}
