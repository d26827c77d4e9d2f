package io.etcdwarden.nrpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoting checked by the real {@code /bin/sh}: what it hands a program is what we meant. */
class ShellWordsTest {
  private static final List<String> HOSTILE = List.of(
      "s3://bucket/pre fix?endpoint=http://127.0.0.1:9000&path-style=true",
      "it's", "say \"hi\"", "a;b|c>d<e", "`id`", "*", "~root", "#not-a-comment", "back\\slash",
      "", " ", "'", "''", "\"", "\t", "ü é", "a&&b||c", "(x)", "{a,b}", "!x", "x=1", "-w");

  @Test
  void everyWordReachesTheProgramAsItIsThroughTheShell() throws Exception {
    List<String> received = throughShell(ShellWords.join(HOSTILE));

    assertThat(received).containsExactlyElementsOf(HOSTILE);
  }

  @Test
  void plainWordsStayUnquotedAndSingleQuotesAreClosedAndReopened() {
    assertThat(ShellWords.quote("/opt/etcd-warden/bin/check_etcd_cluster"))
        .isEqualTo("/opt/etcd-warden/bin/check_etcd_cluster");
    assertThat(ShellWords.quote("https://127.0.0.1:2379,https://127.0.0.2:2379"))
        .isEqualTo("https://127.0.0.1:2379,https://127.0.0.2:2379");
    assertThat(ShellWords.quote("a&b")).isEqualTo("'a&b'");
    assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ShellWords.quote("")).isEqualTo("''");
  }

  @Test
  void splitReadsArgumentsAsTheShellWouldWithoutExpanding() throws Exception {
    String text = "-w 70  --state-file '/var/lib/my dir/s' --x=\"a \\\"b\\\" $c\" d\\ e 'f'\"g\" ";

    List<String> words = ShellWords.split(text, "--check-args");

    assertThat(words).containsExactly("-w", "70", "--state-file", "/var/lib/my dir/s",
        "--x=a \"b\" $c", "d e", "fg");
    // The shell agrees (with $c unset it would expand; keep it out of the comparison).
    String noDollar = text.replace(" $c", "");
    assertThat(throughShell(noDollar)).containsExactlyElementsOf(
        ShellWords.split(noDollar, "--check-args"));
    assertThat(ShellWords.split("   ", "--check-args")).isEmpty();
    assertThat(ShellWords.split("''", "--check-args")).containsExactly("");
  }

  @Test
  void anUnclosedQuoteOrTrailingBackslashIsOneLineNamingTheField() {
    assertThatThrownBy(() -> ShellWords.split("-w 'x", "--check-args"))
        .isInstanceOf(WardenException.class)
        .hasMessage("--check-args: '-w 'x' has an unclosed '");
    assertThatThrownBy(() -> ShellWords.split("-w \"x", "--check-args"))
        .hasMessageContaining("unclosed \"");
    assertThatThrownBy(() -> ShellWords.split("-w x\\", "--check-args"))
        .hasMessageContaining("lone backslash");
  }

  /** The words {@code /bin/sh -c} passes to printf for {@code line}, one per NUL. */
  private static List<String> throughShell(String line) throws IOException, InterruptedException {
    Process sh = new ProcessBuilder("/bin/sh", "-c", "printf '%s\\0' " + line)
        .redirectErrorStream(true).start();
    byte[] out = sh.getInputStream().readAllBytes();
    assertThat(sh.waitFor()).isZero();
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        words.add(new String(out, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return words;
  }
}
