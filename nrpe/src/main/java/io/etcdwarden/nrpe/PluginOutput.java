package io.etcdwarden.nrpe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact text a Nagios plugin prints: {@code SERVICE STATE: summary | perfdata} and then the
 * long output, one detail line each. NRPE v2 packets carry 1,024 bytes, so the whole text is kept
 * under {@link #MAX_BYTES}: the first line always goes out (perfdata items dropped from the end,
 * then the summary shortened, if it alone is too long); detail lines that do not fit are
 * replaced by one line saying how many were left out.
 */
public final class PluginOutput {
  /** Room for the text and its trailing newline inside NRPE's 1,024-byte buffer. */
  public static final int MAX_BYTES = 1000;

  private PluginOutput() {}

  /** The plugin text for {@code state} (OK, WARNING, CRITICAL or UNKNOWN), newline-terminated. */
  public static String render(String service, String state, String summary,
      List<String> perfdata, List<String> details) {
    String head = firstLine(service + " " + state + ": " + oneLine(summary), perfdata);
    StringBuilder text = new StringBuilder(head).append('\n');
    for (int i = 0; i < details.size(); i++) {
      String line = oneLine(details.get(i)) + "\n";
      int left = details.size() - i - 1;
      String more = left == 0 ? "" : "... " + left + " more lines\n";
      if (bytes(text) + bytes(line) + bytes(more) > MAX_BYTES) {
        text.append("... ").append(details.size() - i).append(" more lines\n");
        break;
      }
      text.append(line);
    }
    return text.toString();
  }

  private static String firstLine(String status, List<String> perfdata) {
    List<String> items = new ArrayList<>(perfdata);
    while (true) {
      String line = items.isEmpty() ? status : status + " | " + String.join(" ", items);
      if (bytes(line) < MAX_BYTES / 2 || items.isEmpty()) {
        return bytes(line) < MAX_BYTES / 2 ? line : cut(line, MAX_BYTES / 2);
      }
      items.remove(items.size() - 1);
    }
  }

  /** Plugin text must not break lines or use the perfdata separator inside the summary. */
  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ').replace('|', '/');
  }

  private static String cut(String s, int maxBytes) {
    String out = s;
    while (bytes(out) > maxBytes - 3) {
      out = out.substring(0, out.length() - 1);
    }
    return out + "...";
  }

  private static int bytes(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
