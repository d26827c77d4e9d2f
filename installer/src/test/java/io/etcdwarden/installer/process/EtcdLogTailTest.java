package io.etcdwarden.installer.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdLogTailTest {
  // Lines as etcd 3.4.23 wrote them when its client port was taken.
  private static final String INFO =
      "{\"level\":\"info\",\"ts\":\"2026-11-23T20:19:22.061Z\",\"caller\":\"embed/etcd.go:375\","
          + "\"msg\":\"closed etcd server\",\"name\":\"m1\"}";
  private static final String WARN =
      "{\"level\":\"warn\",\"ts\":\"2026-11-23T20:19:22.062Z\","
          + "\"caller\":\"etcdmain/etcd.go:176\",\"msg\":\"failed to start etcd\","
          + "\"error\":\"listen tcp 127.0.0.1:23791: bind: address already in use\"}";
  private static final String FATAL =
      "{\"level\":\"fatal\",\"ts\":\"2026-11-23T20:19:22.062Z\","
          + "\"caller\":\"etcdmain/etcd.go:271\",\"msg\":\"discovery failed\","
          + "\"error\":\"listen tcp 127.0.0.1:23791: bind: address already in use\","
          + "\"stacktrace\":\"go.etcd.io/etcd/etcdmain.startEtcdOrProxyV2\\n\"}";
  // etcd parses its config file before its zap logger exists, so these come as capnslog text.
  private static final String CAPNSLOG_ERROR =
      "2026-11-23 20:19:16.652890 E | etcdmain: error verifying flags, error unmarshaling JSON:"
          + " json: cannot unmarshal number into Go struct field"
          + " configYAML.initial-cluster-token of type string. See 'etcd --help'.";

  @TempDir Path dir;

  private final EtcdLogTail tail = new EtcdLogTail();

  @Test
  void lastErrorLevelZapLineGivesMessageAndError() throws Exception {
    Path log = write(INFO, WARN, FATAL, "");

    assertThat(tail.lastMeaningfulLine(log))
        .isEqualTo("discovery failed: listen tcp 127.0.0.1:23791: bind: address already in use");
  }

  @Test
  void capnslogErrorsFromConfigParsingAreFound() throws Exception {
    Path log =
        write(
            "2026-11-23 20:19:16.652830 I | etcdmain: Loading server configuration from \"c\".",
            CAPNSLOG_ERROR);

    assertThat(tail.lastMeaningfulLine(log))
        .startsWith("etcdmain: error verifying flags")
        .endsWith("See 'etcd --help'.");
  }

  @Test
  void withoutAnErrorTheLastEntryIsShownAndTruncatedLinesDoNotBreakParsing() throws Exception {
    assertThat(tail.lastMeaningfulLine(write(INFO, "{\"level\":\"fatal\",\"msg\":\"cut sho")))
        .isEqualTo("{\"level\":\"fatal\",\"msg\":\"cut sho");
    assertThat(tail.lastMeaningfulLine(write(FATAL, INFO, "  ", "")))
        .isEqualTo("discovery failed: listen tcp 127.0.0.1:23791: bind: address already in use");
    assertThat(tail.lastMeaningfulLine(write(WARN, INFO, " "))).isEqualTo("closed etcd server");
    assertThat(tail.lastMeaningfulLine(write("plain text", ""))).isEqualTo("plain text");
    assertThat(tail.lastMeaningfulLine(write())).contains("is empty");
    assertThat(tail.lastMeaningfulLine(dir.resolve("absent.log"))).contains("no log file");
  }

  @Test
  void onlyTheEndOfALongLogIsRead() throws Exception {
    StringBuilder text = new StringBuilder(FATAL).append('\n');
    while (text.length() < 3 * EtcdLogTail.TAIL_BYTES) {
      text.append(INFO).append('\n');
    }
    Path log = Files.writeString(dir.resolve("long.log"), text);

    assertThat(tail.lastMeaningfulLine(log)).isEqualTo("closed etcd server");
  }

  private Path write(String... lines) throws Exception {
    return Files.writeString(dir.resolve("etcd.log"), String.join("\n", lines));
  }
}
