package io.etcdwarden.nrpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorClientFilesTest {
  @TempDir Path tmp;
  private final Optional<Path> adminCa = Optional.of(Path.of("/admin/ca.crt"));
  private final Optional<Path> adminCert = Optional.of(Path.of("/admin/client.crt"));
  private final Optional<Path> adminKey = Optional.of(Path.of("/admin/client.key"));

  @Test
  void theUnpackedMonitorCertificateWinsByDefault() throws Exception {
    Files.writeString(tmp.resolve("client.crt"), "cert");
    Files.writeString(tmp.resolve("client.key"), "key");
    Files.writeString(tmp.resolve("ca.crt"), "ca");

    MonitorClientFiles files = MonitorClientFiles.choose(true, tmp, adminCa, adminCert, adminKey);

    assertThat(files.cert()).contains(tmp.resolve("client.crt"));
    assertThat(files.key()).contains(tmp.resolve("client.key"));
    assertThat(files.cacert()).contains(tmp.resolve("ca.crt"));
    assertThat(files.warning()).isEmpty();
  }

  @Test
  void withoutAMonitorCertificateTheAdminFilesComeWithAWarning() {
    MonitorClientFiles files = MonitorClientFiles.choose(true, tmp.resolve("absent"), adminCa,
        adminCert, adminKey);

    assertThat(files.cert()).isEqualTo(adminCert);
    assertThat(files.warning()).get().asString().contains("admin client key")
        .contains("credentials package --role monitor");
  }

  @Test
  void askingForTheAdminRoleTakesTheAdminFilesSilently() throws Exception {
    Files.writeString(tmp.resolve("client.crt"), "cert");
    Files.writeString(tmp.resolve("client.key"), "key");

    MonitorClientFiles files = MonitorClientFiles.choose(false, tmp, adminCa, adminCert, adminKey);

    assertThat(files.key()).isEqualTo(adminKey);
    assertThat(files.warning()).isEmpty();
  }
}
