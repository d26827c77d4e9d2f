package io.etcdwarden.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code backup.encrypt_to} (a list, or one comma-separated string) and {@code identity_file}. */
class BackupEncryptionKeysTest {
  @Test
  void readsRecipientsAndTheIdentityFile() {
    BackupSection backup = WardenConfigLoader.parse("""
        backup:
          encrypt_to: [age1first, age1second]
          identity_file: /root/etcd-backup.key
        """, "warden.yaml").backup();

    assertThat(backup.encryptTo()).containsExactly("age1first", "age1second");
    assertThat(backup.identityFile()).contains(Path.of("/root/etcd-backup.key"));
  }

  @Test
  void noKeysMeansClearArchivesAndNoIdentity() {
    BackupSection backup = WardenConfigLoader.parse("backup:\n  encrypt_to: age1only\n",
        "w.yaml").backup();

    assertThat(backup.encryptTo()).isEqualTo(List.of("age1only"));
    assertThat(BackupSection.defaults().encryptTo()).isEmpty();
    assertThat(BackupSection.defaults().identityFile()).isEmpty();
  }
}
