package io.etcdwarden.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** journald priority prefixes: by level, per line, and only when stderr is the journal. */
class JournalPrioritiesTest {
  @Test
  void eachLogLineGetsItsLevelsPriorityAndOtherLinesNone() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new JournalPriorities(sink), true, StandardCharsets.UTF_8);
    err.println("2026-12-04T14:00:00.000Z [job-1] WARN io.etcdwarden.daemon - snapshot failed");
    err.println("java.io.IOException: gone");
    err.println("2026-12-04T14:00:01.000Z [job-2] INFO io.etcdwarden.daemon - health ok: OK");
    err.println("2026-12-04T14:00:02.000Z [main] ERROR x - bug");
    err.println("2026-12-04T14:00:03.000Z [main] DEBUG x - detail");

    assertThat(sink.toString(StandardCharsets.UTF_8).split("\n")).containsExactly(
        "<4>2026-12-04T14:00:00.000Z [job-1] WARN io.etcdwarden.daemon - snapshot failed",
        "java.io.IOException: gone",
        "<6>2026-12-04T14:00:01.000Z [job-2] INFO io.etcdwarden.daemon - health ok: OK",
        "<3>2026-12-04T14:00:02.000Z [main] ERROR x - bug",
        "<7>2026-12-04T14:00:03.000Z [main] DEBUG x - detail");
  }

  @Test
  void stderrIsTheJournalOnlyWhenJournalStreamNamesIt() throws Exception {
    assertThat(JournalPriorities.stderrIsJournal(Map.of())).isFalse();
    assertThat(JournalPriorities.stderrIsJournal(Map.of("JOURNAL_STREAM", "8:12345")))
        .isFalse();
    assertThat(JournalPriorities.stderrIsJournal(Map.of("JOURNAL_STREAM", "junk"))).isFalse();
    java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
    String stderr = java.nio.file.Files.getAttribute(fd2, "unix:dev") + ":"
        + java.nio.file.Files.getAttribute(fd2, "unix:ino");
    assertThat(JournalPriorities.stderrIsJournal(Map.of("JOURNAL_STREAM", stderr))).isTrue();
  }
}
