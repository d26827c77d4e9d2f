package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.config.BackupSection;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.daemon.DaemonSettings;
import io.etcdwarden.daemon.WardenDaemon;
import io.etcdwarden.testkit.Await;
import io.etcdwarden.testkit.EtcdClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon (root here) answers a fast-path run only when the local user who asks could have
 * run it: {@code nobody}, asking through curl as the plugin script does, is declined for the
 * root-only TLS files, a root-only "key" that is no key, a root-only config and a root-only
 * state file (which stays untouched), and served for its own copies and its own state file,
 * which keeps its owner. Root, the daemon's own user, is served for the root-only files.
 */
class DaemonCallerFilesIT {
  @RegisterExtension static EtcdClusterExtension etcd = EtcdClusterExtension.withMembers(1);
  @TempDir static Path rootOnly;
  private static Path shared;
  private static Path nobodys;
  private static WardenDaemon daemon;
  private static String listen;

  @BeforeAll
  static void start() throws Exception {
    Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rwx------"));
    shared = Files.createTempDirectory(Path.of("/tmp"), "warden-callers-");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwx--x--x"));
    nobodys = Files.createDirectory(shared.resolve("nobody"));
    Map<String, String> env = etcd.etcdctlEnvironment();
    for (String v : List.of("ETCDCTL_CACERT", "ETCDCTL_CERT", "ETCDCTL_KEY")) {
      Files.copy(Path.of(env.get(v)), nobodys.resolve(v), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(Path.of(env.get(v)), rootOnly.resolve(v), StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(rootOnly.resolve(v), PosixFilePermissions.fromString(
          "rw-------"));
    }
    Files.writeString(nobodys.resolve("terms"), "");
    UserPrincipal nobody = shared.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName("nobody");
    try (var files = Files.list(nobodys)) {
      for (Path p : files.toList()) {
        Files.setOwner(p, nobody);
      }
    }
    Files.setOwner(nobodys, nobody);
    Files.setPosixFilePermissions(nobodys, PosixFilePermissions.fromString("rwx------"));
    daemon = WardenDaemon.start(DaemonSettings.of(etcd.target(), BackupSection.defaults(),
        new DaemonSection(Duration.ofHours(1), "127.0.0.1", 0, Duration.ofSeconds(3),
            rootOnly.resolve("state")), "test").withInstance("callers-it").withStopGrace(Duration.ofSeconds(5)));
    listen = "127.0.0.1:" + daemon.address().getPort();
    Await.until(Duration.ofSeconds(30), "the daemon answering root over TLS",
        () -> curl(List.of(), tls(rootOnly)), answer -> answer.startsWith("200"));
  }

  @AfterAll
  static void stop() throws Exception {
    daemon.close();
    Shell.run(Path.of("/tmp"), "rm", "-rf", shared.toString());
  }

  @Test
  void nobodyIsDeclinedForFilesOnlyRootCanRead() throws Exception {
    Path notAKey = Files.writeString(rootOnly.resolve("shadow"), "root:$6$secret:19000::::::\n");
    Path config = Files.writeString(rootOnly.resolve("warden.yaml"), "daemon: {}\n");
    List<String> withRootKey = tls(rootOnly);
    List<String> withNotAKey = new ArrayList<>(tls(nobodys));
    withNotAKey.set(withNotAKey.indexOf("--key") + 1, notAKey.toString());
    List<String> withConfig = new ArrayList<>(tls(nobodys));
    withConfig.addAll(List.of("--config", config.toString()));

    for (List<String> args : List.of(withRootKey, withNotAKey, withConfig)) {
      assertThat(curl(List.of("runuser", "-u", "nobody", "--"), args)).as(args.toString())
          .startsWith("409");
    }
    assertThat(curl(List.of(), withRootKey)).as("root, the daemon's own user")
        .startsWith("200\n").contains("\nETCD_CLUSTER ");
  }

  @Test
  void aStateFileIsRewrittenOnlyForAUserWhoCouldRewriteIt() throws Exception {
    Path rootTerms = Files.writeString(rootOnly.resolve("root-terms"), "1700000000000 1\n");
    Files.setPosixFilePermissions(rootTerms, PosixFilePermissions.fromString("rw-------"));
    List<String> rootState = new ArrayList<>(tls(nobodys));
    rootState.addAll(List.of("--state-file", rootTerms.toString()));
    List<String> ownState = new ArrayList<>(tls(nobodys));
    ownState.addAll(List.of("--state-file", nobodys.resolve("terms").toString()));

    String declined = curl(List.of("runuser", "-u", "nobody", "--"), rootState);
    String served = curl(List.of("runuser", "-u", "nobody", "--"), ownState);

    assertThat(declined).startsWith("409");
    assertThat(Files.readString(rootTerms)).isEqualTo("1700000000000 1\n");
    assertThat(served).startsWith("200\n").contains("\nETCD_CLUSTER ");
    assertThat(Files.readString(nobodys.resolve("terms"))).matches("(\\d+ \\d+\n)+");
    assertThat(Files.getOwner(nobodys.resolve("terms")).getName()).isEqualTo("nobody");
  }

  private static List<String> tls(Path dir) {
    return List.of("--endpoints", etcd.etcdctlEnvironment().get("ETCDCTL_ENDPOINTS"),
        "--cacert", dir.resolve("ETCDCTL_CACERT").toString(),
        "--cert", dir.resolve("ETCDCTL_CERT").toString(),
        "--key", dir.resolve("ETCDCTL_KEY").toString(), "--daemon", listen);
  }

  /** The HTTP status, a newline, and the body, as curl run by {@code as} gets them. */
  private static String curl(List<String> as, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(as);
    command.addAll(List.of("curl", "-sS", "-G", "-o", "-", "-w", "%{http_code}",
        "--max-time", "10"));
    for (String a : args) {
      command.addAll(List.of("--data-urlencode", "arg=" + a));
    }
    command.add("http://" + listen + "/v1/plugin/cluster");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String code = out.length() >= 3 ? out.substring(out.length() - 3) : out;
    return code + "\n" + out.substring(0, out.length() - code.length());
  }
}
