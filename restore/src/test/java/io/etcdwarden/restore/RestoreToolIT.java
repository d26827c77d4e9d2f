package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.testkit.EtcdUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore tool follows the version the etcd binary reports, not which files lie beside it:
 * etcdctl for 3.4 even with an etcdutl on PATH, etcdutl for 3.5+ (beside etcd, else one of
 * the same line on PATH), and a 3.5+ etcd without a matching etcdutl is one line naming the
 * folder and the package.
 */
class RestoreToolIT {
  @TempDir Path tmp;

  @Test
  void theToolFollowsTheEtcdVersion() throws Exception {
    Path v34 = EtcdUnderTest.folder(EtcdLine.V3_4);
    Path v35 = EtcdUnderTest.folder(EtcdLine.V3_5);
    Path v36 = EtcdUnderTest.folder(EtcdLine.V3_6);
    Path alone = Files.createDirectories(tmp.resolve("alone"));
    Files.createSymbolicLink(alone.resolve("etcd"), v36.resolve("etcd"));
    Path etcd = alone.resolve("etcd");

    assertThat(locate(v34.resolve("etcd"), v35.toString()).executable())
        .isEqualTo(v34.resolve("etcdctl"));
    assertThat(locate(v36.resolve("etcd"), v35.toString()).executable())
        .isEqualTo(v36.resolve("etcdutl"));
    assertThat(locate(etcd, v35 + ":" + v36).executable()).isEqualTo(v36.resolve("etcdutl"));
    assertThatThrownBy(() -> locate(etcd, v35.toString()))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining("restores snapshots with etcdutl 3.6, which is neither in " + alone)
        .hasMessageContaining("etcd-client")
        .hasMessageNotContaining("\n");
  }

  private static RestoreTool locate(Path etcd, String path) {
    return RestoreTool.locate(etcd, EtcdBinaryVersion.of(etcd), Map.of("PATH", path));
  }
}
