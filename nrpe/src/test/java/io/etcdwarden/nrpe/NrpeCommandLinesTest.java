package io.etcdwarden.nrpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command lines nrpe install writes: one quoted word per argument, every path absolute. */
class NrpeCommandLinesTest {
  private static final Path CWD = Path.of("/home/op/site one");
  private static final List<URI> ENDPOINTS =
      List.of(URI.create("https://10.0.0.1:2379"), URI.create("https://10.0.0.2:2379"));
  private final NrpeCommandLines lines = new NrpeCommandLines(CWD);

  private static NagiosCredentials.Copies copies(Path dir) {
    return NagiosCredentials.planned(dir, Optional.of(Path.of("ca.pem")),
        Optional.of(Path.of("c.pem")), Optional.of(Path.of("k.pem")));
  }

  @Test
  void aRelativeCredentialsDirAndPluginBecomeAbsoluteAgainstTheInstallersDirectory() {
    NrpeCheck check = lines.cluster(Path.of("bin/check_etcd_cluster"), ENDPOINTS,
        copies(Path.of("creds")), "--config ../warden.yaml --state-file=s.state -w 70");

    assertThat(check.commandLine()).isEqualTo("'/home/op/site one/bin/check_etcd_cluster'"
        + " --endpoints https://10.0.0.1:2379,https://10.0.0.2:2379"
        + " --cacert '/home/op/site one/creds/ca.crt'"
        + " --cert '/home/op/site one/creds/client.crt'"
        + " --key '/home/op/site one/creds/client.key'"
        + " --state-file '/home/op/site one/creds/leader-terms.state'"
        + " --config /home/op/warden.yaml '--state-file=/home/op/site one/s.state' -w 70");
  }

  @Test
  void aStoreUriWithAmpersandQuoteAndSpaceIsOneWord() {
    URI store = URI.create("s3://b/it's%20here?endpoint=http://127.0.0.1:9000&path-style=true");

    NrpeCheck check = lines.backup(Path.of("/opt/ew/bin/check_etcd_cluster"), store, ENDPOINTS,
        copies(Path.of("/etc/etcd-warden/nagios")));

    assertThat(check.commandLine()).startsWith("/opt/ew/bin/check_etcd_backup --target"
        + " 's3://b/it'\\''s%20here?endpoint=http://127.0.0.1:9000&path-style=true'"
        + " --endpoints ");
    assertThat(check.shortname()).isEqualTo("etcd_backup");
  }

  @Test
  void extraArgumentsKeepTheirQuotingAndAnUnclosedQuoteIsRefused() {
    NrpeCheck check = lines.cluster(Path.of("/p/check_etcd_cluster"), ENDPOINTS,
        NagiosCredentials.planned(Path.of("/c"), Optional.empty(), Optional.empty(),
            Optional.empty()), "--expected-members 'a b' -t 20");

    assertThat(check.commandLine()).endsWith("--state-file /c/leader-terms.state"
        + " --expected-members 'a b' -t 20");
    assertThatThrownBy(() -> lines.cluster(Path.of("/p/x"), ENDPOINTS, copies(Path.of("/c")),
        "-w 'oops")).isInstanceOf(WardenException.class).hasMessageContaining("--check-args");
  }

  @Test
  void whatNrpeWouldRewriteIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> lines.cluster(Path.of("/p/x"), ENDPOINTS,
        copies(Path.of("/etc/$HOME")), ""))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("'/etc/$HOME/ca.crt'").hasMessageContaining("'$'");
    assertThatThrownBy(() -> lines.cluster(Path.of("/p/x"), ENDPOINTS, copies(Path.of("/c")),
        "'a\nb'")).hasMessageContaining("line break");
    String longArg = "x".repeat(NrpeCheck.MAX_LINE_BYTES);
    assertThatThrownBy(() -> lines.cluster(Path.of("/p/x"), ENDPOINTS, copies(Path.of("/c")),
        longArg)).hasMessageContaining("NRPE reads config lines of at most 2046 bytes");
  }
}
