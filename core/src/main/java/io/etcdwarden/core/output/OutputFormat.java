package io.etcdwarden.core.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The three ways a command can print what it found, named as etcdctl's {@code -w/--write-out}
 * names them: {@code table} for people (the default), {@code json} for programs (one document,
 * field names stable and documented), {@code fields} for grep and awk ({@code "Key" : value}
 * lines as etcdctl prints them).
 */
public enum OutputFormat {
  TABLE, JSON, FIELDS;

  /** The name typed on the command line. */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code text} (case-insensitive), if it is one. */
  public static Optional<OutputFormat> named(String text) {
    return Arrays.stream(values())
        .filter(f -> f.flagValue().equalsIgnoreCase(text == null ? "" : text.trim()))
        .findFirst();
  }

  /** "table, json or fields", for messages. */
  public static String choices() {
    return Arrays.stream(values()).map(OutputFormat::flagValue)
        .collect(Collectors.joining(", ", "", "")).replaceFirst(", (\\w+)$", " or $1");
  }
}
