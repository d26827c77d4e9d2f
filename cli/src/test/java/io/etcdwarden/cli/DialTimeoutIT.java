package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.EtcdClusterExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * etcdctl's timeouts against a black hole: a listening socket that accepts the TCP connection
 * (the kernel does, from the backlog) and never answers the TLS handshake. The dial timeout
 * bounds connecting however long the command timeout is; ETCDCTL_COMMAND_TIMEOUT is honoured.
 */
class DialTimeoutIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  private ServerSocket blackHole;

  @BeforeEach
  void openBlackHole() throws Exception {
    blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void closeBlackHole() throws Exception {
    blackHole.close();
  }

  /** The cluster's TLS files, the black hole as endpoint, and {@code extra} variables. */
  private Map<String, String> env(String... extra) {
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("ETCDCTL_ENDPOINTS", "https://127.0.0.1:" + blackHole.getLocalPort());
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  private static Duration timed(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void theDialTimeoutEndsAHandshakeThatNeverComesLongBeforeTheCommandTimeout() {
    CliRun[] run = new CliRun[1];
    Duration took = timed(() -> run[0] = CliRun.run(env(), "member", "list",
        "--dial-timeout", "1s", "--command-timeout", "60s"));

    assertThat(run[0].exitCode()).as(run[0].toString()).isEqualTo(1);
    assertThat(run[0].err().lines()).as(run[0].toString()).hasSize(1);
    assertThat(run[0].err()).contains("no connection within the dial timeout of 1s")
        .contains("from --dial-timeout");
    assertThat(took).as(run[0].toString()).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void theDialTimeoutComesFromTheEnvironmentToo() {
    CliRun[] run = new CliRun[1];
    Duration took = timed(() -> run[0] = CliRun.run(env("ETCDCTL_DIAL_TIMEOUT", "800ms",
        "ETCDCTL_COMMAND_TIMEOUT", "60s"), "maintenance", "status"));

    assertThat(run[0].exitCode()).as(run[0].toString()).isEqualTo(1);
    assertThat(run[0].err()).contains("dial timeout of 800ms").contains("ETCDCTL_DIAL_TIMEOUT");
    assertThat(took).as(run[0].toString()).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void theCommandTimeoutFromTheEnvironmentBoundsTheWholeCallWhenNoDialTimeoutIsGiven() {
    CliRun[] run = new CliRun[1];
    Duration took = timed(() -> run[0] = CliRun.run(env("ETCDCTL_COMMAND_TIMEOUT", "1500ms"),
        "member", "list"));

    assertThat(run[0].exitCode()).as(run[0].toString()).isEqualTo(1);
    assertThat(run[0].err().lines()).as(run[0].toString()).hasSize(1);
    assertThat(run[0].err()).contains("1500ms").contains("ETCDCTL_COMMAND_TIMEOUT");
    assertThat(took).as(run[0].toString()).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void aGoodMemberAnswersUnderAShortDialTimeoutAndAnyCommandTimeout() {
    Map<String, String> env = new HashMap<>(etcd.etcdctlEnvironment());
    env.put("ETCDCTL_DIAL_TIMEOUT", "3s");
    env.put("ETCDCTL_COMMAND_TIMEOUT", "20s");
    CliRun run = CliRun.run(env, "member", "list", "-w", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"name\" : \"etcd0\"");
  }
}
