package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.ServedCertificate;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.service.ServiceManagers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA rotation end to end on a 3-member mutual-TLS cluster, phase by phase and host by host,
 * with writers running throughout (one with the old client certificate until the members stop
 * trusting it, one with the new from when it exists): no write fails for longer than one
 * member's restart; afterwards the old client certificate is refused, the new one and the new
 * credentials package work, and every member serves a certificate of the new CA and trusts it
 * alone. Out-of-order phases, a stopped member and a missing CA key are refused in one line with
 * nothing changed.
 */
@Tag("etcd-versions")
class CertsRotateCaIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));
  private static final Pattern AWAY = Pattern.compile("away (\\d+) ms");
  @TempDir Path tmp;
  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  private InstallFixture fixture;

  @Test
  void theCaIsReplacedPhaseByPhaseWithoutAnOutage() throws Exception {
    fixture = installs.cluster(tmp, 3);
    fixture.installAll(ENV, "--etcd-bin", InstallFixture.etcdBin());
    Path oldCreds = credentials("old");
    fixture.awaitHealthy(oldCreds);

    assertRefused(rotate("reissue", 0), "no CA rotation is prepared");
    Path caKey = fixture.ca.resolve("ca.key");
    Files.move(caKey, tmp.resolve("ca.key.away"));
    assertRefused(rotate("prepare", 0), caKey.toString());
    assertThat(fixture.ca.resolve("rotation")).doesNotExist();
    Files.move(tmp.resolve("ca.key.away"), caKey);

    assertDone(rotate("prepare", 0));
    Path bundle = fixture.ca.resolve("rotation/bundle.crt");
    assertThat(Files.readString(credentials("mid").resolve("ca.crt")))
        .isEqualTo(Files.readString(bundle));
    List<Long> restarts = new ArrayList<>();
    try (EtcdClients oldClient = new EtcdClients(target(oldCreds, bundle));
        PacedWriter oldWriter = new PacedWriter(oldClient.cluster().getKVClient(), 50_000,
            Duration.ofMinutes(8))) {
      assertRefused(rotate("reissue", 0), "member etcd0 has not finished trust-both");
      restarts.add(away(assertDone(rotate("trust-both", 0))));
      byte[] cert1 = Files.readAllBytes(memberCert(1));
      assertRefused(rotate("reissue", 0), "etcd1, etcd2 must finish trust-both first");
      assertRefused(rotate("trust-both", 0), "member etcd0 has already finished trust-both");

      long pid2 = fixture.pid(2).orElseThrow();
      ProcessHandle member2 = ProcessHandle.of(pid2).orElseThrow();
      member2.destroyForcibly();
      member2.onExit().join();
      assertRefused(rotate("trust-both", 1), "the cluster is not healthy");
      assertThat(Files.readAllBytes(memberCert(1))).isEqualTo(cert1);
      MemberLayout layout2 = new MemberLayout(fixture.dataDir(2));
      MemberRecord record2 = MemberRecord.load(layout2);
      ServiceManagers.forMode(record2.serviceMode())
          .start(layout2.serviceSpec(record2.name(), record2.etcdBinary()));
      fixture.awaitHealthy(oldCreds);

      for (int i = 1; i < 3; i++) {
        restarts.add(away(assertDone(rotate("trust-both", i))));
      }
      for (int i = 0; i < 3; i++) {
        assertDone(rotate("reissue", i));
      }
      Path newCreds = credentials("new");
      try (EtcdClients newClient = new EtcdClients(target(newCreds, bundle));
          PacedWriter newWriter = new PacedWriter(newClient.cluster().getKVClient(), 50_000,
              Duration.ofMinutes(8))) {
        oldWriter.close();
        for (int i = 0; i < 3; i++) {
          restarts.add(away(assertDone(rotate("trust-new", i))));
        }
        newWriter.close();
        long longest = restarts.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("rotate-ca: restarts (ms) %s; old writer %d acked, %d failed, gap %d"
            + " ms; new writer %d acked, %d failed, gap %d ms%n", restarts,
            oldWriter.acknowledged().size(), oldWriter.failures(),
            oldWriter.longestFailingGap().toMillis(), newWriter.acknowledged().size(),
            newWriter.failures(), newWriter.longestFailingGap().toMillis());
        assertThat(oldWriter.acknowledged()).isNotEmpty();
        assertThat(newWriter.acknowledged()).isNotEmpty();
        assertThat(oldWriter.longestFailingGap().toMillis()).isLessThanOrEqualTo(longest);
        assertThat(newWriter.longestFailingGap().toMillis()).isLessThanOrEqualTo(longest);
      }
    }

    Path finalCreds = credentials("final");
    String newCa = Files.readString(fixture.ca.resolve("ca.crt"));
    assertThat(Files.readString(finalCreds.resolve("ca.crt"))).isEqualTo(newCa);
    assertThat(fixture.awaitHealthy(finalCreds).output()).doesNotContain("unhealthy");
    Path oldCertNewTrust = Files.createDirectories(tmp.resolve("old-cert-new-trust"));
    Files.copy(finalCreds.resolve("README.txt"), oldCertNewTrust.resolve("README.txt"));
    Files.copy(finalCreds.resolve("ca.crt"), oldCertNewTrust.resolve("ca.crt"));
    Files.copy(oldCreds.resolve("client.crt"), oldCertNewTrust.resolve("client.crt"));
    Files.copy(oldCreds.resolve("client.key"), oldCertNewTrust.resolve("client.key"));
    InstallFixture.Exec refused = fixture.etcdctl(oldCertNewTrust, "endpoint health");
    assertThat(refused.exitCode()).as(refused.output()).isNotZero();
    for (int i = 0; i < 3; i++) {
      ServedCertificate served = ServedCertificate.fetch(URI.create(fixture.clientUrl(i)),
          Duration.ofSeconds(5)).orElseThrow();
      assertThat(served.leaf().getIssuerX500Principal().getName()).startsWith("CN=etcd-warden CA ");
      assertThat(served.trustedCas()).containsExactly(
          served.leaf().getIssuerX500Principal().getName());
    }
    CliRun status = rotate("status", 0);
    assertThat(status.out()).contains("member etcd0: finished trust-new",
        "member etcd1: finished trust-new", "member etcd2: finished trust-new");
  }

  private CliRun rotate(String phase, int member) {
    return CliRun.run(ENV, "certs", "rotate-ca", phase, "--data-dir",
        fixture.dataDir(member).toString());
  }

  private static CliRun assertDone(CliRun run) {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run;
  }

  private static void assertRefused(CliRun run, String why) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains(why);
  }

  private static long away(CliRun run) {
    Matcher m = AWAY.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private Path memberCert(int i) {
    return fixture.dataDir(i).resolve("tls").resolve(fixture.name(i) + ".crt");
  }

  private Path credentials(String name) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("creds-" + name));
    CliRun pack = CliRun.run(ENV, "credentials", "package", "--data-dir",
        fixture.dataDir(0).toString(), "--output", dir.resolve("creds.tar.gz").toString(),
        "--endpoints", fixture.endpoints());
    assertDone(pack);
    Shell.run(dir, "tar", "xzf", "creds.tar.gz");
    return dir;
  }

  private EtcdTarget target(Path creds, Path trust) {
    List<URI> endpoints = Arrays.stream(fixture.endpoints().split(",")).map(URI::create)
        .toList();
    return new EtcdTarget(endpoints, Optional.of(trust), Optional.of(creds.resolve("client.crt")),
        Optional.of(creds.resolve("client.key")), Duration.ofSeconds(2), Map.of());
  }
}
