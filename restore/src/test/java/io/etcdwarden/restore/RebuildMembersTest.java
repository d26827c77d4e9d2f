package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The member list of a rebuild as read from an installed config, and the token from it. */
class RebuildMembersTest {
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);
  @TempDir Path dir;

  @Test
  void everyHostDerivesTheSameTokenWhateverTheOrderOfItsList() throws Exception {
    RebuildMembers one = read("initial-cluster: \"m0=https://10.0.0.1:2380,m1=https://10.0.0.2:"
        + "2380,m2=https://10.0.0.3:2380\"\n");
    RebuildMembers other = read("initial-cluster: m2=https://10.0.0.3:2380, m0=https://10.0.0.1"
        + ":2380,m1=https://10.0.0.2:2380\n");

    assertThat(one.token(SHA_A)).isEqualTo(other.token(SHA_A))
        .startsWith(RebuildMembers.TOKEN_PREFIX);
    assertThat(one.names()).containsExactly("m0", "m1", "m2");
    assertThat(one.includes("m1")).isTrue();
    assertThat(one.includes("etcd1")).isFalse();
    assertThat(one.initialCluster()).isEqualTo("m0=https://10.0.0.1:2380,"
        + "m1=https://10.0.0.2:2380,m2=https://10.0.0.3:2380");
  }

  @Test
  void anotherArchiveOrAnotherMemberListGivesAnotherToken() throws Exception {
    RebuildMembers three = read("initial-cluster: m0=https://a:2380,m1=https://b:2380,"
        + "m2=https://c:2380\n");
    RebuildMembers moved = read("initial-cluster: m0=https://a:2380,m1=https://b:2380,"
        + "m2=https://d:2380\n");

    assertThat(three.token(SHA_A)).isNotEqualTo(three.token(SHA_B))
        .isNotEqualTo(moved.token(SHA_A));
  }

  @Test
  void aConfigWithoutAMemberListIsRefusedNamingTheFile() throws Exception {
    Path config = dir.resolve("etcd.yaml");
    Files.writeString(config, "name: m0\n");

    assertThatThrownBy(() -> RebuildMembers.read(config)).isInstanceOf(WardenException.class)
        .hasMessageContaining(config.toString()).hasMessageContaining("no 'initial-cluster'")
        .hasMessageNotContaining("\n");
  }

  private RebuildMembers read(String yaml) throws Exception {
    Path config = Files.createTempFile(dir, "etcd", ".yaml");
    Files.writeString(config, yaml);
    return RebuildMembers.read(config);
  }
}
