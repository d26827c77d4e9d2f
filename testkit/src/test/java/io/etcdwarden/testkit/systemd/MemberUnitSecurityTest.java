package io.etcdwarden.testkit.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.installer.service.ServiceSpec;
import io.etcdwarden.installer.service.SystemdUnitRenderer;
import io.etcdwarden.testkit.EtcdUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The etcd member's unit, as {@code install} writes it, passes {@code systemd-analyze verify}
 * with the real etcd binary and rates at most 5.0 in {@code systemd-analyze security} (issue
 * 18's target; it was 9.6 "UNSAFE" when it ran as root unsandboxed).
 */
class MemberUnitSecurityTest {
  @TempDir Path tmp;

  @Test
  void memberUnitVerifiesAndIsRatedAtMostFive() throws Exception {
    Path dir = tmp.resolve("etcd0");
    ServiceSpec spec = new ServiceSpec("etcd0", EtcdUnderTest.etcd(),
        dir.resolve("etcd.yaml"), dir.resolve("etcd.log"), dir.resolve("etcd.pid"));
    Path unit = Files.writeString(tmp.resolve(spec.unitName()),
        new SystemdUnitRenderer().render(spec));

    SystemdAnalyze.Run verify = SystemdAnalyze.verify(unit);
    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(SystemdAnalyze.exposure(unit)).isLessThanOrEqualTo(5.0);
  }
}
