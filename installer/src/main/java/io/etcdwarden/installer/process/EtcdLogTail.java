package io.etcdwarden.installer.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the line from an etcd log that explains why the member stopped, so that an operator sees
 * the cause in the failure message instead of having to open the log. etcd 3.4 writes zap JSON
 * once its logger is up ({@code "level":"fatal","msg":"discovery failed","error":"listen tcp
 * 127.0.0.1:2379: bind: address already in use"}), but errors found while parsing the config
 * file come earlier, in the old capnslog text format ({@code 2026-... E | etcdmain: error
 * verifying flags, ...}). Only the end of the file is read: logs of long-lived members grow.
 */
public final class EtcdLogTail {
  static final int TAIL_BYTES = 64 * 1024;
  private static final Set<String> ERROR_LEVELS = Set.of("error", "dpanic", "panic", "fatal");
  // capnslog: "2026-11-23 20:19:16.652890 E | etcdmain: ..."; E(rror) and C(ritical) matter.
  private static final Pattern CAPNSLOG = Pattern.compile("^\\S+ \\S+ ([A-Z]) \\| (.+)$");
  private static final int MAX_LENGTH = 400;

  private final ObjectMapper json = new ObjectMapper();

  /** The last error logged in {@code logFile}, else its last entry, else why there is none. */
  public String lastMeaningfulLine(Path logFile) {
    List<String> lines;
    try {
      lines = tail(logFile).lines().filter(line -> !line.isBlank()).toList();
    } catch (NoSuchFileException e) {
      return "(no log file " + logFile + ")";
    } catch (IOException e) {
      return "(cannot read log file " + logFile + ": " + e.getMessage() + ")";
    }
    if (lines.isEmpty()) {
      return "(log file " + logFile + " is empty)";
    }
    List<Entry> entries = lines.stream().map(this::parse).toList();
    Entry chosen =
        entries.stream()
            .filter(Entry::error)
            .reduce((earlier, later) -> later)
            .orElse(entries.get(entries.size() - 1));
    return shorten(chosen.text());
  }

  /** One log line reduced to what an operator needs: is it an error, and what does it say. */
  private record Entry(boolean error, String text) {}

  private Entry parse(String line) {
    String stripped = line.strip();
    if (stripped.startsWith("{")) {
      try {
        JsonNode entry = json.readTree(stripped);
        String msg = entry.path("msg").asText("");
        String error = entry.path("error").asText("");
        String text = msg.isEmpty() || error.isEmpty() ? msg + error : msg + ": " + error;
        boolean isError = ERROR_LEVELS.contains(entry.path("level").asText());
        return new Entry(isError, text.isEmpty() ? stripped : text);
      } catch (JsonProcessingException e) {
        // A line cut short by a crash is not JSON; shown as it is, it still helps.
        return new Entry(false, stripped);
      }
    }
    Matcher capnslog = CAPNSLOG.matcher(stripped);
    if (capnslog.matches()) {
      boolean isError = "EC".contains(capnslog.group(1));
      return new Entry(isError, capnslog.group(2).strip());
    }
    return new Entry(false, stripped);
  }

  private static String tail(Path logFile) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
      long size = channel.size();
      long start = Math.max(0, size - TAIL_BYTES);
      channel.position(start);
      ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          break;
        }
      }
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      // Starting mid-file cuts the first line; drop it rather than misread half an entry.
      return start > 0 ? text.substring(text.indexOf('\n') + 1) : text;
    }
  }

  private static String shorten(String line) {
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
  }
}
