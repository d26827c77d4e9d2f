package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcdwarden.testkit.EtcdClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The quota maintenance measures against comes from the member's own etcd config when
 * {@code --data-dir} or {@code --etcd-config} names it (here a TLS member started with a
 * 64 MiB {@code quota-backend-bytes}), else from {@code --quota-bytes}, else etcd's 2 GiB;
 * naming a member and {@code --quota-bytes} together is refused in one line.
 */
class MaintenanceQuotaIT {
  private static final long QUOTA = 64L * 1024 * 1024;

  @RegisterExtension
  static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1).quotaBackendBytes(QUOTA);

  @Test
  void theQuotaComesFromTheMembersConfig() throws Exception {
    String dir = etcd.member(0).dir().toString();
    String file = etcd.member(0).configFile().toString();

    assertThat(quota("--data-dir", dir)).isEqualTo(QUOTA);
    assertThat(quota("--etcd-config", file)).isEqualTo(QUOTA);
    assertThat(quota("--quota-bytes", "1048576")).isEqualTo(1048576L);
    assertThat(quota()).isEqualTo(2L * 1024 * 1024 * 1024);

    CliRun both = CliRun.run(etcd.etcdctlEnvironment(), "maintenance", "status",
        "--quota-bytes", "1048576", "--data-dir", dir);
    assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
    assertThat(both.err().strip()).isEqualTo("etcd-warden: --quota-bytes: not with --data-dir"
        + " or --etcd-config, which give the member's own quota");
  }

  private static long quota(String... flags) throws Exception {
    String[] args = new String[flags.length + 3];
    args[0] = "maintenance";
    args[1] = "status";
    args[2] = "--json";
    System.arraycopy(flags, 0, args, 3, flags.length);
    CliRun run = CliRun.run(etcd.etcdctlEnvironment(), args);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.out()).path("quota_bytes").asLong();
  }
}
