package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.options.GetOption;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore --bump-revision 1000000 --mark-compacted} on a real TLS etcd (3.5+'s etcdutl):
 * the restored member's revision is at least the archive's plus the bump, a read at the
 * archive's revision is answered "compacted" (what makes a Kubernetes API server re-list), and
 * the keys are all there at the new revision. Half of the pair is refused in one line.
 */
class BumpRevisionRestoreIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  private static final long BUMP = 1_000_000;
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir Path store;

  @Test
  void theRestoredMemberStartsPastTheBumpWithTheOldRevisionsCompacted() throws Exception {
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      for (int i = 0; i < 30; i++) {
        PatientPut.put(clients.cluster().getKVClient(), "/kube/k" + i, "v" + i);
      }
      PatientPut.put(clients.cluster().getKVClient(), "/canary", "before");
    }
    CliRun snapshot = CliRun.run(etcd.etcdctlEnvironment(), "snapshot", "--target",
        "file://" + store + "?allow-non-mount=true");
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
    Path archive = Path.of(RestoreMigrationIT.field(snapshot.out(), "snapshot.path"));
    long archived = Long.parseLong(RestoreMigrationIT.field(snapshot.out(), "snapshot.revision"));

    RestoreFaultsIT.Before unchanged = RestoreFaultsIT.Before.of(etcd);
    CliRun half = restore(archive, "--bump-revision", Long.toString(BUMP));
    assertThat(half.exitCode()).as(half.toString()).isEqualTo(2);
    assertThat(half.err().lines()).singleElement().asString()
        .contains("--bump-revision N and --mark-compacted go together");
    unchanged.assertUnchanged();

    CliRun restored = restore(archive, "--bump-revision", Long.toString(BUMP),
        "--mark-compacted");

    assertThat(restored.exitCode()).as(restored.toString()).isZero();
    try (EtcdClients clients = new EtcdClients(etcd.target())) {
      var kv = clients.cluster().getKVClient();
      var now = kv.get(bytes("/kube/"), GetOption.builder().isPrefix(true).withCountOnly(true)
          .build()).get(30, TimeUnit.SECONDS);
      assertThat(now.getHeader().getRevision()).isGreaterThanOrEqualTo(archived + BUMP);
      assertThat(now.getCount()).isEqualTo(30);
      Throwable old = catchThrowable(() -> kv.get(bytes("/kube/k1"), GetOption.builder()
          .withRevision(archived).build()).get(30, TimeUnit.SECONDS));
      assertThat(old).isInstanceOf(ExecutionException.class);
      // etcd's ErrCompacted travels as gRPC OUT_OF_RANGE.
      assertThat(io.grpc.Status.fromThrowable(old).getCode())
          .isEqualTo(io.grpc.Status.Code.OUT_OF_RANGE);
    }
  }

  private static CliRun restore(Path archive, String... more) {
    String[] args = {"restore", "--yes", "--skip-backup", "--from", archive.toString(),
        "--data-dir", etcd.member(0).dir().toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.run(ENV, all);
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }
}
