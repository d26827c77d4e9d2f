package io.etcdwarden.testkit.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcdwarden.installer.local.FreePorts;
import io.etcdwarden.installer.service.ServiceSpec;
import io.etcdwarden.installer.service.SystemdServiceManager;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdUnderTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The member unit under a real systemd (PID 1 of its own namespaces): a three-member cluster
 * installed host by host. The first member's start returns at once although etcd cannot report
 * ready without a quorum ({@code Type=notify}, started {@code --no-block}) and counts as running
 * while "activating"; once the other two start, all three turn active and the cluster takes a
 * write. etcd runs sandboxed as the system user {@code etcd}: the files it creates are that
 * user's. Removing a member stops it and deletes its unit.
 */
class SystemdMemberUnitIT {
  /** Outside /tmp (the unit has a private /tmp) and /root (ProtectHome). */
  private final Path base = Path.of("/var/lib/etcd-warden-it", UUID.randomUUID().toString());

  @AfterEach
  void removeFolders() throws Exception {
    if (Files.exists(base)) {
      try (Stream<Path> all = Files.walk(base)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void firstMemberDoesNotBlockAndAllTurnActiveOnceAQuorumRuns() throws Exception {
    List<Integer> ports = FreePorts.loopback(6);
    StringBuilder cluster = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      cluster.append(i == 0 ? "" : ",").append("m").append(i).append("=http://127.0.0.1:")
          .append(ports.get(3 + i));
    }
    // The namespace must leave the host alone: boot's tmpfiles would empty the host's /tmp.
    Path marker = Files.createTempFile("systemd-namespace-marker", "");
    try (SystemdNamespace systemd = SystemdNamespace.start()) {
      SystemdServiceManager services = new SystemdServiceManager(systemd.unitDir(),
          systemd.systemctl());
      List<ServiceSpec> members = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        members.add(member("m" + i, ports.get(i), ports.get(3 + i), cluster.toString()));
      }

      long started = System.nanoTime();
      services.start(members.get(0));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(took).isLessThan(Duration.ofSeconds(15));
      awaitState(systemd, "etcd-m0.service", "activating");
      assertThat(services.isRunning(members.get(0))).isTrue();

      services.start(members.get(1));
      services.start(members.get(2));
      awaitActive(systemd, List.of("etcd-m0.service", "etcd-m1.service", "etcd-m2.service"));
      try (Client client = Client.builder().endpoints("http://127.0.0.1:" + ports.get(0))
          .build()) {
        ByteSequence key = ByteSequence.from("/k", StandardCharsets.UTF_8);
        client.getKVClient().put(key, ByteSequence.from("v", StandardCharsets.UTF_8))
            .get(10, TimeUnit.SECONDS);
        assertThat(client.getKVClient().get(key).get(10, TimeUnit.SECONDS).getKvs()).hasSize(1);
      }
      assertThat(Files.getOwner(base.resolve("m0").resolve("data").resolve("member"))
          .getName()).isEqualTo("etcd");

      services.remove(members.get(0));
      assertThat(systemd.property("etcd-m0.service", "ActiveState")).isEqualTo("inactive");
      assertThat(systemd.hasUnit("etcd-m0.service")).isFalse();
    } finally {
      assertThat(marker).exists();
      Files.delete(marker);
    }
  }

  private ServiceSpec member(String name, int client, int peer, String cluster)
      throws Exception {
    Path dir = Files.createDirectories(base.resolve(name));
    Path config = dir.resolve("etcd.yaml");
    Files.writeString(config, "name: " + name + "\n"
        + "data-dir: " + dir.resolve("data") + "\n"
        + "listen-client-urls: http://127.0.0.1:" + client + "\n"
        + "advertise-client-urls: http://127.0.0.1:" + client + "\n"
        + "listen-peer-urls: http://127.0.0.1:" + peer + "\n"
        + "initial-advertise-peer-urls: http://127.0.0.1:" + peer + "\n"
        + "initial-cluster: " + cluster + "\n"
        + "initial-cluster-state: new\n"
        + "initial-cluster-token: systemd-it\n");
    return new ServiceSpec(name, etcdOutsideHome(), config, dir.resolve("etcd.log"),
        dir.resolve("etcd.pid"));
  }

  /** ProtectHome hides /root and /home: the etcd under test, or Debian's in /usr/bin. */
  private static Path etcdOutsideHome() {
    Path etcd = EtcdUnderTest.etcd().toAbsolutePath();
    return etcd.startsWith("/root") || etcd.startsWith("/home") ? Path.of("/usr/bin/etcd")
        : etcd;
  }

  private static void awaitState(SystemdNamespace systemd, String unit, String state)
      throws Exception {
    Await.until(Duration.ofSeconds(10), unit + " " + state + " (its state, result and job)",
        () -> List.of(systemd.property(unit, "ActiveState"), systemd.property(unit, "Result"),
            systemd.property(unit, "Job")), seen -> seen.get(0).equals(state));
  }

  private static void awaitActive(SystemdNamespace systemd, List<String> units)
      throws Exception {
    Await.every(Duration.ofMillis(200)).await(Duration.ofSeconds(60), "units " + units
        + " active", () -> {
          List<String> states = new ArrayList<>();
          for (String unit : units) {
            states.add(systemd.property(unit, "ActiveState"));
          }
          return states;
        }, states -> states.stream().allMatch("active"::equals));
  }
}
