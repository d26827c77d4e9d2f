package io.etcdwarden.installer.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.testsupport.FreePorts;
import io.etcdwarden.installer.testsupport.SingleMemberEtcd;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real etcd 3.4 member started, watched and stopped the way the installer does it. */
class EtcdProcessIT {
  @TempDir Path dir;

  private final List<EtcdProcess> started = new ArrayList<>();

  @BeforeEach
  void requireEtcd() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")), "etcd 3.4 is not installed");
  }

  @AfterEach
  void killEverything() {
    started.forEach(EtcdProcess::kill);
  }

  @Test
  void memberBecomesHealthyAndDiesOnKill() {
    SingleMemberEtcd member = SingleMemberEtcd.prepare(dir);
    EtcdProcess etcd = start(member);

    etcd.awaitHealthy(member.healthUrl(), Duration.ofSeconds(20));
    assertThat(etcd.isAlive()).isTrue();
    assertThat(etcd.pid()).isPositive();
    assertThat(etcd.logFile()).isEqualTo(member.logFile());

    etcd.kill();
    assertThat(etcd.isAlive()).isFalse();
    assertThat(etcd.exitCode()).isPresent();
    etcd.kill();
    etcd.stop(Duration.ofSeconds(1));
  }

  @Test
  void stopLetsEtcdShutDownCleanly() {
    SingleMemberEtcd member = SingleMemberEtcd.prepare(dir);
    EtcdProcess etcd = start(member);
    etcd.awaitHealthy(member.healthUrl(), Duration.ofSeconds(20));

    etcd.close();

    assertThat(etcd.isAlive()).isFalse();
    assertThat(member.logFile()).content().contains("stopped serving peer traffic");
  }

  @Test
  void portAlreadyInUseFailsFastWithEtcdsReason() throws Exception {
    SingleMemberEtcd member = SingleMemberEtcd.prepare(dir);
    int clientPort = member.clientUrl().getPort();
    try (ServerSocket squatter =
        new ServerSocket(clientPort, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThat(squatter.isBound()).isTrue();
      EtcdProcess etcd = start(member);
      long begin = System.nanoTime();

      assertThatThrownBy(() -> etcd.awaitHealthy(member.healthUrl(), Duration.ofSeconds(20)))
          .isInstanceOf(WardenException.class)
          .hasMessageContaining("exited with code")
          .hasMessageEndingWith(
              "listen tcp 127.0.0.1:" + clientPort + ": bind: address already in use");

      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
      assertThat(etcd.isAlive()).isFalse();
    }
  }

  @Test
  void configFileEtcdRejectsFailsFastWithEtcdsReason() throws Exception {
    SingleMemberEtcd member = SingleMemberEtcd.prepare(dir);
    // What an unquoting renderer would write for the token "123456".
    String yaml = Files.readString(member.configFile());
    String token = member.config().initialClusterToken();
    Files.writeString(
        member.configFile(),
        yaml.replace("initial-cluster-token: \"" + token + "\"", "initial-cluster-token: 123456"));
    EtcdProcess etcd = start(member);

    assertThatThrownBy(() -> etcd.awaitHealthy(member.healthUrl(), Duration.ofSeconds(20)))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("cannot unmarshal number into Go struct field")
        .hasMessageContaining("initial-cluster-token");
  }

  @Test
  void timeoutNamesTheUrlTheWaitAndTheLog() {
    SingleMemberEtcd member = SingleMemberEtcd.prepare(dir);
    EtcdProcess etcd = start(member);
    URI nobodyListens = URI.create("http://127.0.0.1:" + FreePorts.next() + "/health");

    assertThatThrownBy(() -> etcd.awaitHealthy(nobodyListens, Duration.ofMillis(700)))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining(nobodyListens.toString())
        .hasMessageContaining("700 ms")
        .hasMessageContaining(member.logFile().toString());
    assertThat(etcd.isAlive()).isTrue();
  }

  @Test
  void missingBinaryIsExplained() {
    assertThatThrownBy(() -> EtcdBinary.locate(Map.of("ETCD_BIN", "/nonexistent")))
        .hasMessageContaining("ETCD_BIN");
    assertThatThrownBy(() -> EtcdBinary.locate(Map.of("PATH", "")))
        .hasMessageContaining("apt-get install -y etcd-server");
  }

  private EtcdProcess start(SingleMemberEtcd member) {
    EtcdProcess etcd = member.start();
    started.add(etcd);
    return etcd;
  }
}
