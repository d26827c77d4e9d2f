package io.etcdwarden.installer.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member record keeps whether the member runs a brought certificate: such a record has no CA
 * folder, reads back as brought, and a command that needs the CA is refused in one line.
 */
class MemberRecordTest {
  @TempDir Path tmp;

  @Test
  void aBroughtCertificateIsRecordedWithoutACaFolder() throws Exception {
    MemberLayout layout = new MemberLayout(tmp);
    record(Path.of("/etc/etcd-warden/ca")).withBroughtCertificate().save(layout);

    assertThat(Files.readString(layout.recordFile())).contains("certificate=brought")
        .doesNotContain("ca=");
    MemberRecord loaded = MemberRecord.load(layout);
    assertThat(loaded.brought()).isTrue();
    assertThat(loaded.clientUrl()).isEqualTo(URI.create("https://127.0.0.1:2379"));
    assertThatThrownBy(() -> loaded.requireCaDir("certs renew", "do this instead"))
        .isInstanceOf(WardenException.class)
        .hasMessage("certs renew: member etcd0 runs a brought certificate (install --cert) and"
            + " has no CA folder; do this instead");
  }

  @Test
  void aCaFolderIsRecordedAndReadBack() {
    MemberLayout layout = new MemberLayout(tmp);
    record(Path.of("/srv/ca")).save(layout);

    MemberRecord loaded = MemberRecord.load(layout);
    assertThat(loaded.brought()).isFalse();
    assertThat(loaded.requireCaDir("certs renew", "unused")).isEqualTo(Path.of("/srv/ca"));
  }

  private static MemberRecord record(Path ca) {
    return new MemberRecord("etcd0", ca, Path.of("/opt/etcd/etcd"), "process",
        URI.create("https://127.0.0.1:2379"), URI.create("http://127.0.0.1:2381"));
  }
}
