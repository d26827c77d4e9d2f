package io.etcdwarden.nrpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NrpeConfigTest {
  private static final NrpeCheck CHECK = new NrpeCheck("etcd_cluster", "etcd cluster health",
      "/opt/etcd-warden/bin/check_etcd_cluster --config /etc/etcd-warden/warden.yaml");
  private static final NagiosContext JUJU = new NagiosContext("juju", "juju-etcd-0", "juju");

  @Test
  void commandFileAsCharmhelpersWroteIt() {
    assertThat(NrpeConfigRenderer.commandFile(CHECK, JUJU)).startsWith("# check etcd_cluster\n")
        .contains("# servicegroups: juju\n")
        .endsWith("command[check_etcd_cluster]=/opt/etcd-warden/bin/check_etcd_cluster"
            + " --config /etc/etcd-warden/warden.yaml\n");
  }

  @Test
  void serviceDefinitionForTheNagiosServer() {
    String service = NrpeConfigRenderer.serviceFile(CHECK, JUJU);

    assertThat(service).contains("define service {\n")
        .containsPattern("use +active-service\n")
        .containsPattern("host_name +juju-etcd-0\n")
        .containsPattern("service_description +juju-etcd-0\\[etcd_cluster\\] etcd cluster health\n")
        .containsPattern("check_command +check_nrpe!check_etcd_cluster\n")
        .containsPattern("servicegroups +juju\n");
    assertThat(NrpeConfigRenderer.serviceFileName(CHECK, JUJU))
        .isEqualTo("service__juju-etcd-0_check_etcd_cluster.cfg");
  }

  @Test
  void shortnamesOutsideTheCharmAlphabetAreRefused() {
    assertThatThrownBy(() -> new NrpeCheck("etcd cluster", "d", "/bin/true"))
        .isInstanceOf(WardenException.class).hasMessageContaining("'etcd cluster'");
    assertThatThrownBy(() -> new NrpeCheck("etcd_cluster", "d", "/bin/x $ARG1$"))
        .isInstanceOf(WardenException.class).hasMessageContaining("$ARGn$");
    assertThatThrownBy(() -> new NrpeCheck("etcd_cluster", "d", "check_etcd_cluster"))
        .isInstanceOf(WardenException.class).hasMessageContaining("absolute path");
  }

  @Test
  void rewritingWithANewContextReplacesBothFiles(@TempDir Path tmp) throws Exception {
    NrpeConfigWriter writer = new NrpeConfigWriter(tmp.resolve("nrpe.d"), tmp.resolve("export"));
    writer.write(CHECK, JUJU);

    NagiosContext prod = new NagiosContext("prod", "prod-etcd-0", "etcd");
    var written = writer.write(CHECK, prod);

    assertThat(Files.readString(written.get(0))).contains("# servicegroups: etcd\n");
    assertThat(tmp.resolve("export")).isDirectoryContaining(
        p -> p.getFileName().toString().equals("service__prod-etcd-0_check_etcd_cluster.cfg"));
    try (var files = Files.list(tmp.resolve("export"))) {
      assertThat(files).hasSize(1);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.get(1))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void credentialsCopiesBelongToTheNrpeUser(@TempDir Path tmp) throws Exception {
    Path key = Files.writeString(tmp.resolve("k.pem"), "KEY");
    String me = System.getProperty("user.name");
    var copies = new NagiosCredentials(tmp.resolve("creds"), me)
        .install(Optional.empty(), Optional.empty(), Optional.of(key));

    Path copy = copies.key().orElseThrow();
    assertThat(Files.readString(copy)).isEqualTo("KEY");
    assertThat(Files.getOwner(copy).getName()).isEqualTo(me);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
        .isEqualTo("r--------");
    assertThat(copies.cacert()).isEmpty();
    assertThat(copies).isEqualTo(NagiosCredentials.planned(tmp.resolve("creds"),
        Optional.empty(), Optional.empty(), Optional.of(key)));
  }
}
