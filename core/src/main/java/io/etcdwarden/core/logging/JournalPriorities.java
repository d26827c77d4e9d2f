package io.etcdwarden.core.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Log lines on stderr with journald's priority prefixes ({@code <3>} error, {@code <4>} warning,
 * {@code <6>} info, {@code <7>} debug), so {@code journalctl -p warning} finds the daemon's
 * warnings. Only when stderr is the journal: systemd then sets {@code JOURNAL_STREAM} to the
 * device and inode of that stream ({@code sd_journal_stream_fd(3)}), which is compared with what
 * file descriptor 2 is now. Each line's level is the first level word after the thread name
 * ({@code ... [thread] WARN logger - message}); lines without one (a stack trace's) get none and
 * keep the stream's default priority.
 */
public final class JournalPriorities extends OutputStream {
  private static final Map<String, String> PREFIX = Map.of("ERROR", "<3>", "WARN", "<4>",
      "INFO", "<6>", "DEBUG", "<7>", "TRACE", "<7>");

  private final OutputStream target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public JournalPriorities(OutputStream target) {
    this.target = target;
  }

  /** True when {@code env}'s {@code JOURNAL_STREAM} names the stream fd 2 is connected to. */
  public static boolean stderrIsJournal(Map<String, String> env) {
    String stream = env.get("JOURNAL_STREAM");
    if (stream == null || !stream.matches("\\d+:\\d+")) {
      return false;
    }
    try {
      Path fd = Path.of("/proc/self/fd/2");
      long dev = ((Number) Files.getAttribute(fd, "unix:dev")).longValue();
      long ino = ((Number) Files.getAttribute(fd, "unix:ino")).longValue();
      return stream.equals(dev + ":" + ino);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The priority prefix for one log line, empty when it names no level. */
  public static String prefixOf(String text) {
    int thread = text.indexOf("] ");
    if (thread < 0) {
      return "";
    }
    int start = thread + 2;
    int end = text.indexOf(' ', start);
    return end < 0 ? "" : PREFIX.getOrDefault(text.substring(start, end), "");
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      target.write((prefixOf(text) + text).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) {
      target.write(line.toByteArray());
      line.reset();
    }
    target.close();
  }
}
