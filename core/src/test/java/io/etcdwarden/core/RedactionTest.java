package io.etcdwarden.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every URL user-info in a message is masked; nothing else is touched. */
class RedactionTest {
  @Test
  void userInfoWithAndWithoutSchemeIsMasked() {
    assertThat(Redaction.userInfo("cannot open s3://AKIA:s3cr3t@bucket/p?x=1 now"))
        .isEqualTo("cannot open s3://***@bucket/p?x=1 now");
    assertThat(Redaction.userInfo("'https://u:p@ss@127.0.0.1:2379' is not an endpoint"))
        .isEqualTo("'https://***@127.0.0.1:2379' is not an endpoint");
    assertThat(Redaction.userInfo("--endpoints: 'root:s3cr3t@10.0.0.1:2379,x'"))
        .isEqualTo("--endpoints: '***@10.0.0.1:2379,x'");
    assertThat(Redaction.userInfo("s3://b/p?endpoint=http://k:s3cr3t@127.0.0.1:9000"))
        .isEqualTo("s3://b/p?endpoint=http://***@127.0.0.1:9000");
    assertThat(Redaction.userInfo("https://TOKEN@host:1")).isEqualTo("https://***@host:1");
  }

  @Test
  void textWithoutUserInfoIsUnchanged() {
    String plain = "etcd0=https://[fd00::2]:2380 mail ops@example.com at 10:30 (key: a=b)";
    assertThat(Redaction.userInfo(plain)).isEqualTo(plain);
    assertThat(Redaction.userInfo(null)).isNull();
  }

  @Test
  void wardenExceptionsNeverCarryThePassword() {
    assertThat(WardenException.badInput("bad target https://u:s3cr3t@h/x").getMessage())
        .isEqualTo("bad target https://***@h/x");
    assertThat(new WardenException("x u:s3cr3t@h:1", null).getMessage())
        .doesNotContain("s3cr3t");
  }
}
