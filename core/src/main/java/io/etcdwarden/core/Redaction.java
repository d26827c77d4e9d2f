package io.etcdwarden.core;

import java.util.regex.Pattern;

/**
 * Masks the user-info of every URL in a text ({@code https://user:secret@host} becomes
 * {@code https://***@host}, and a scheme-less {@code user:secret@host} becomes {@code
 * ***@host}), so that a password an operator put into a store URI, an endpoint or a config
 * value is never echoed by the message that refuses it. {@link WardenException} applies it to
 * every message; the CLI applies it to whatever else it prints about a failure.
 */
public final class Redaction {
  /** What replaces a user-info. */
  public static final String MASK = "***";
  private static final Pattern WITH_SCHEME =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s'\"]*@");
  private static final Pattern WITHOUT_SCHEME =
      Pattern.compile("(^|[\\s'\"(,=\\[<])[^\\s'\"/@:,\\[\\]<>()=]+:[^\\s'\"/@,<>()]*@");

  private Redaction() {}

  /** {@code text} with every URL user-info masked; null stays null. */
  public static String userInfo(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    String masked = WITH_SCHEME.matcher(text).replaceAll("$1" + MASK + "@");
    return WITHOUT_SCHEME.matcher(masked).replaceAll("$1" + MASK + "@");
  }
}
