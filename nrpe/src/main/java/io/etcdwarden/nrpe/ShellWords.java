package io.etcdwarden.nrpe;

import io.etcdwarden.core.WardenException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * POSIX shell words both ways, for the command lines NRPE hands to {@code /bin/sh -c}: {@link
 * #quote} makes any text one literal word (single quotes, a {@code '} written as
 * {@code '\''}), so {@code &}, {@code ;}, spaces, quotes, {@code *} and {@code #} reach the plugin
 * as they are; {@link #split} reads an operator's argument string ({@code --check-args}) the way
 * the shell would, quotes and backslashes included, without expanding anything.
 */
final class ShellWords {
  /** Characters no POSIX shell treats specially anywhere in a word. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  /** {@code word} as one literal shell word; unchanged when nothing in it is special. */
  public static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words, each quoted, separated by one space. */
  public static String join(List<String> words) {
    return String.join(" ", words.stream().map(ShellWords::quote).toList());
  }

  /**
   * Splits {@code text} into words as {@code sh} would before expansion: blanks separate words,
   * {@code '...'} is literal, {@code "..."} is literal but for {@code \"}, {@code \\},
   * {@code \$} and {@code \`}, and a backslash outside quotes takes the next character as is.
   * An unclosed quote or a trailing backslash is refused with one line naming {@code field}.
   */
  public static List<String> split(String text, String field) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw unclosed(field, text, "'");
        }
        word.append(text, i + 1, end);
        i = end;
      } else if (c == '"') {
        i = doubleQuoted(text, i + 1, word, field);
      } else if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw WardenException.badInput(field + ": '" + text + "' ends with a lone backslash");
        }
        word.append(text.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends a double-quoted part starting at {@code from}; returns the closing quote's index. */
  private static int doubleQuoted(String text, int from, StringBuilder word, String field) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
        c = text.charAt(++i);
      }
      word.append(c);
    }
    throw unclosed(field, text, "\"");
  }

  private static WardenException unclosed(String field, String text, String quote) {
    return WardenException.badInput(field + ": '" + text + "' has an unclosed " + quote);
  }
}
