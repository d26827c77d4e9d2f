package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** restore's usage errors (exit 2) and a member that is not there (exit 1), one line each. */
class RestoreCommandTest {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  @TempDir Path tmp;

  @Test
  void theMemberMustBeNamedOnceAndTheSha256BeHex() {
    CliRun none = CliRun.run(ENV, "restore", "--from", "x.tar.gz", "--yes");
    CliRun both = CliRun.run(ENV, "restore", "--from", "x.tar.gz", "--yes", "--data-dir", "a",
        "--etcd-config", "b");
    CliRun sha = CliRun.run(ENV, "restore", "--from", "x.tar.gz", "--yes", "--data-dir",
        tmp.toString(), "--sha256", "xyz");

    assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
    assertThat(none.err()).contains("--data-dir", "--etcd-config");
    assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
    assertThat(sha.exitCode()).as(sha.toString()).isEqualTo(2);
    assertThat(sha.err()).contains("--sha256 must be 64 hex digits");
  }

  @Test
  void aFolderWithoutAnInstalledMemberIsOneLineAndExitOne() throws Exception {
    Path archive = Files.writeString(tmp.resolve("a.tar.gz"), "not really");

    CliRun run = CliRun.run(ENV, "restore", "--from", archive.toString(), "--yes",
        "--data-dir", tmp.resolve("nothing").toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("no etcd member installed in", "etcd.yaml");
  }

  @Test
  void latestWithoutAStoreSaysWhereToConfigureOne() throws Exception {
    Path config = Files.writeString(tmp.resolve("warden.yaml"), "etcd: {}\n");
    Path member = Files.createDirectories(tmp.resolve("m"));

    CliRun run = CliRun.run(ENV, "restore", "--from", "latest", "--config", config.toString(),
        "--yes", "--data-dir", member.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("--from latest needs a store", "backup.target");
  }

  @Test
  void oneMemberFlagsAreRefusedWithClusterNamingTheFlag() throws Exception {
    Path archive = Files.writeString(tmp.resolve("a.tar.gz"), "not really");
    Path member = Files.createDirectories(tmp.resolve("m"));

    for (String flag : new String[] {"--skip-backup", "--assume-single-member"}) {
      CliRun run = CliRun.run(ENV, "restore", "--cluster", "--from", archive.toString(), "--yes",
          "--data-dir", member.toString(), flag);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err().strip().lines()).hasSize(1);
      assertThat(run.err()).contains(flag + " does not apply to --cluster");
    }
    CliRun target = CliRun.run(ENV, "restore", "--cluster", "--from", archive.toString(),
        "--yes", "--data-dir", member.toString(), "--target", tmp.resolve("b").toString());
    assertThat(target.exitCode()).as(target.toString()).isEqualTo(2);
    assertThat(target.err()).contains("--target does not apply to --cluster");
    assertThat(Files.exists(tmp.resolve("b"))).isFalse();
  }
}
