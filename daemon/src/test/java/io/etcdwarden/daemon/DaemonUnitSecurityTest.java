package io.etcdwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.testkit.systemd.SystemdAnalyze;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's unit runs as its own user after the local member's real unit, yields CPU and
 * I/O to etcd, reads optional cloud settings, passes {@code systemd-analyze verify} and rates
 * at most 5.0 in {@code systemd-analyze security} (issue 18's target).
 */
class DaemonUnitSecurityTest {
  @TempDir Path tmp;

  @Test
  void daemonUnitOrdersAfterTheMemberYieldsToEtcdAndIsRatedAtMostFive() throws Exception {
    Path launcher = Files.writeString(tmp.resolve("etcd-warden"), "#!/bin/sh\n");
    launcher.toFile().setExecutable(true);
    String text = SystemdUnit.render(launcher, Path.of("/etc/etcd-warden/warden.yaml"),
        Optional.of("etcd0"), List.of(Path.of("/mnt/etcd-backups")));
    Path unit = Files.writeString(tmp.resolve(SystemdUnit.FILE_NAME), text);

    assertThat(text).contains("After=network-online.target etcd-etcd0.service\n",
        "Wants=network-online.target etcd-etcd0.service\n", "User=etcd-warden\n",
        "Nice=10\n", "CPUWeight=20\n", "IOSchedulingClass=idle\n",
        "EnvironmentFile=-/etc/default/etcd-warden\n", "ReadWritePaths=/mnt/etcd-backups\n",
        "ProtectSystem=strict\n", "CapabilityBoundingSet=\n", "UMask=0077\n");
    SystemdAnalyze.Run verify = SystemdAnalyze.verify(unit);
    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(SystemdAnalyze.exposure(unit)).isLessThanOrEqualTo(5.0);
  }
}
