package io.etcdwarden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig.EtcdSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdCredentialsResolverTest {
  private static final String CONFIG = "/etc/etcd-warden/warden.yaml";
  private static final PasswordPrompt TYPED = q -> Optional.of("typed-secret");
  @TempDir Path tmp;

  private static Optional<EtcdCredentials> resolve(AuthFlags flags, Map<String, String> env,
      EtcdSection etcd, PasswordPrompt prompt) {
    return EtcdCredentialsResolver.resolve(flags, env, etcd, CONFIG, prompt);
  }

  private static EtcdSection config(Optional<String> user, Optional<Path> passwordFile) {
    return new EtcdSection(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), 2379, 2380, user, passwordFile);
  }

  private Path file(String content, String mode) throws Exception {
    Path f = tmp.resolve("pw-" + mode);
    Files.writeString(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  private static String password(EtcdCredentials c) {
    return new String(c.passwordBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void noUserAnywhereMeansCertificateAuthentication() {
    assertThat(resolve(AuthFlags.none(), Map.of(), EtcdSection.defaults(), TYPED)).isEmpty();
  }

  @Test
  void theUserFlagWinsAndTheEnvironmentGivesThePassword() {
    EtcdCredentials c = resolve(new AuthFlags("alice", null, false),
        Map.of("ETCDCTL_USER", "bob", "ETCDCTL_PASSWORD", "s3cret"), EtcdSection.defaults(),
        PasswordPrompt.NONE).orElseThrow();

    assertThat(c.user()).isEqualTo("alice");
    assertThat(c.userOrigin()).isEqualTo("--user");
    assertThat(password(c)).isEqualTo("s3cret");
    assertThat(c.toString()).contains("alice", "ETCDCTL_PASSWORD").doesNotContain("s3cret");
  }

  @Test
  void aPasswordInTheUserFlagIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> resolve(new AuthFlags("alice:hunter2", null, false), Map.of(),
        EtcdSection.defaults(), TYPED))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("--user NAME:PASSWORD is refused")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void etcdctlsNameColonPasswordFormIsReadFromTheEnvironment() {
    EtcdCredentials c = resolve(AuthFlags.none(), Map.of("ETCDCTL_USER", "bob:pa:ss"),
        EtcdSection.defaults(), PasswordPrompt.NONE).orElseThrow();

    assertThat(c.user()).isEqualTo("bob");
    assertThat(password(c)).isEqualTo("pa:ss");
    assertThat(c.passwordOrigin()).isEqualTo("ETCDCTL_USER");
  }

  @Test
  void twoPasswordsInTheEnvironmentAreRefused() {
    assertThatThrownBy(() -> resolve(AuthFlags.none(),
        Map.of("ETCDCTL_USER", "bob:one", "ETCDCTL_PASSWORD", "two"), EtcdSection.defaults(),
        TYPED)).hasMessageContaining("keep one of them").hasMessageNotContaining("one,");
  }

  @Test
  void aPasswordWithoutAUserIsRefused() {
    assertThatThrownBy(() -> resolve(AuthFlags.none(), Map.of("ETCDCTL_PASSWORD", "x"),
        EtcdSection.defaults(), TYPED))
        .hasMessageContaining("a password (from ETCDCTL_PASSWORD) but no etcd user");
  }

  @Test
  void theConfigNamesTheUserAndAPrivatePasswordFile() throws Exception {
    Path pw = file("from-file\n", "rw-r-----");
    EtcdCredentials c = resolve(AuthFlags.none(), Map.of(),
        config(Optional.of("monitor"), Optional.of(pw)), PasswordPrompt.NONE).orElseThrow();

    assertThat(c.user()).isEqualTo("monitor");
    assertThat(password(c)).isEqualTo("from-file");
    assertThat(c.passwordOrigin()).isEqualTo("etcd.password_file in " + CONFIG);
  }

  @Test
  void aPasswordFileEveryUserCanReadIsRefused() throws Exception {
    Path pw = file("secret\n", "rw-r--r--");

    assertThatThrownBy(() -> resolve(new AuthFlags("alice", pw.toString(), false), Map.of(),
        EtcdSection.defaults(), TYPED))
        .hasMessageContaining("readable by every user").hasMessageContaining("--password-file")
        .hasMessageNotContaining("secret\n");
  }

  @Test
  void withoutAPasswordTheTerminalIsAskedAndWithoutOneItIsRefused() {
    EtcdCredentials asked = resolve(new AuthFlags("alice", null, false), Map.of(),
        EtcdSection.defaults(), TYPED).orElseThrow();

    assertThat(password(asked)).isEqualTo("typed-secret");
    assertThatThrownBy(() -> resolve(new AuthFlags("alice", null, false), Map.of(),
        EtcdSection.defaults(), PasswordPrompt.NONE))
        .hasMessageContaining("no password for etcd user 'alice' (from --user)");
  }

  @Test
  void aUserNameWithAColonInTheConfigIsRefused() {
    assertThatThrownBy(() -> resolve(AuthFlags.none(), Map.of(),
        config(Optional.of("a:b"), Optional.empty()), TYPED))
        .hasMessageContaining("etcd.user in " + CONFIG + " must be a user name only");
  }
}
