package io.etcdwarden.installer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SystemdUnitRendererTest {
  @Test
  void unitRestartsAlwaysAndRunsEtcdWithTheMembersConfigFile() {
    ServiceSpec spec = new ServiceSpec("etcd0", Path.of("/opt/etcd-warden/current/etcd"),
        Path.of("/var/lib/etcd0/etcd.yaml"), Path.of("/var/lib/etcd0/etcd.log"),
        Path.of("/var/lib/etcd0/etcd.pid"));

    String unit = new SystemdUnitRenderer().render(spec);

    assertThat(spec.unitName()).isEqualTo("etcd-etcd0.service");
    assertThat(unit).contains("[Unit]\n", "[Service]\n", "[Install]\n",
        "ExecStart=/opt/etcd-warden/current/etcd --config-file /var/lib/etcd0/etcd.yaml\n",
        "Restart=always\n", "Type=notify\n", "WantedBy=multi-user.target\n");
  }
}
