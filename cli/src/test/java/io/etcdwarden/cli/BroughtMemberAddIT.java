package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster whose members all run the operator's own certificates (an external CA made by the
 * real {@code openssl}): two members installed with {@code install --cert}, then {@code member add
 * --member-cert} joins a third with its own certificate and no CA folder on the host; a
 * certificate without the member's address or from another CA is refused in one line before the
 * cluster is touched. On such a member the commands that need our CA say what to do instead, and
 * {@code certs status} still lists its certificate and trust.
 */
class BroughtMemberAddIT {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"));

  @RegisterExtension final InstalledMembers installs = new InstalledMembers();
  @TempDir Path tmp;
  private InstallFixture fixture;
  private OpensslCa corp;
  private Path[] first;

  @BeforeEach
  void installTwoMembersWithBroughtCertificates() throws Exception {
    fixture = installs.cluster(tmp.resolve("hosts"), 3);
    fixture.initialMembers = 2;
    corp = new OpensslCa(tmp.resolve("corp-ca"), "Corp Root CA");
    first = corp.issue("etcd0", OpensslCa.GOOD);
    Path[] second = corp.issue("etcd1", OpensslCa.GOOD);
    for (Path[] member : List.of(first, second)) {
      int i = member == first ? 0 : 1;
      CliRun install = CliRun.run(ENV, fixture.installArgs(i, "--etcd-bin",
          InstallFixture.etcdBin(), "--cert", member[0].toString(), "--key", member[1].toString(),
          "--trusted-ca", corp.cert.toString()));
      assertThat(install.exitCode()).as(install.toString()).isZero();
    }
    awaitHealthy(2);
  }

  @Test
  void aThirdMemberJoinsWithItsOwnBroughtCertificate() throws Exception {
    Path[] third = corp.issue("etcd2", OpensslCa.GOOD);

    CliRun add = CliRun.run(ENV, memberAdd(third[0], third[1], corp.cert));

    assertThat(add.exitCode()).as(add.toString()).isZero();
    assertThat(add.out()).contains("etcd2", "promoted", "3 voting members");
    assertThat(Files.exists(fixture.ca)).as("no CA folder made").isFalse();
    assertOneLine(CliRun.run(ENV, "certs", "renew", "--data-dir", fixture.dataDir(2).toString(),
        "--nrpe-credentials-dir", tmp.resolve("none").toString()),
        "member etcd2 runs a brought certificate");
    CliRun health = awaitHealthy(3);
    assertThat(health.out()).containsPattern("Healthy with 3 known peers");
    assertThat(health.out().lines().filter(l -> l.startsWith("etcd"))).hasSize(3);
    assertThat(served(2)).isEqualTo(OpensslCa.fingerprint(third[0]));

    // Renewal as 'certs renew' tells a brought member: its install again, new files, --apply.
    Path[] renewed = corp.issue("etcd2-renewed", OpensslCa.GOOD);
    long pid = fixture.pid(2).orElseThrow();
    fixture.initialMembers = 3;
    CliRun apply = CliRun.run(ENV, fixture.installArgs(2, "--etcd-bin", InstallFixture.etcdBin(),
        "--cert", renewed[0].toString(), "--key", renewed[1].toString(),
        "--trusted-ca", corp.cert.toString(), "--apply"));
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(served(2)).isEqualTo(OpensslCa.fingerprint(renewed[0]));
    assertThat(fixture.pid(2)).contains(pid);
  }

  /** The SHA-256 fingerprint of the certificate member {@code i} serves, as openssl sees it. */
  private String served(int i) throws Exception {
    return Shell.run(tmp, "bash", "-c", "openssl s_client -connect 127.0.0.1:"
        + fixture.ports.get(i)[0] + " -CAfile " + corp.cert + " -cert " + first[0]
        + " -key " + first[1] + " </dev/null 2>/dev/null | openssl x509 -noout -fingerprint"
        + " -sha256").strip();
  }

  @Test
  void aCertificateWithoutTheMembersAddressOrFromAnotherCaIsRefused() throws Exception {
    Path[] wrongSan = corp.issue("etcd2",
        OpensslCa.GOOD.replace("IP:127.0.0.1", "IP:10.9.9.9"));
    assertRefused(CliRun.run(ENV, memberAdd(wrongSan[0], wrongSan[1], corp.cert)),
        "--member-cert " + wrongSan[0] + " lacks subjectAltName IP:127.0.0.1");

    Path[] otherChain = new OpensslCa(tmp.resolve("other-ca"), "Other CA")
        .issue("etcd2", OpensslCa.GOOD);
    assertRefused(CliRun.run(ENV, memberAdd(otherChain[0], otherChain[1], corp.cert)),
        "is not signed by a CA in --trusted-ca");
  }

  @Test
  void commandsThatNeedOurCaSayWhatToDoOnABroughtMember() throws Exception {
    String dataDir = fixture.dataDir(0).toString();
    String none = tmp.resolve("none").toString();

    assertOneLine(CliRun.run(ENV, "certs", "renew", "--data-dir", dataDir,
        "--nrpe-credentials-dir", none), "certs renew: member etcd0 runs a brought certificate",
        "--apply");
    assertOneLine(CliRun.run(ENV, "certs", "renew", "--client", "--data-dir", dataDir,
        "--nrpe-credentials-dir", none), "runs a brought certificate", "your own CA");
    assertOneLine(CliRun.run(ENV, "certs", "rotate-ca", "prepare", "--data-dir", dataDir,
        "--nrpe-credentials-dir", none), "certs rotate-ca: member etcd0 runs a brought"
        + " certificate", "your own PKI");
    assertOneLine(CliRun.run(ENV, "certs", "rotate-ca", "reissue", "--data-dir", dataDir,
        "--nrpe-credentials-dir", none), "certs rotate-ca: member etcd0 runs a brought"
        + " certificate", "your own PKI");
    CliRun rotation = CliRun.run(ENV, "certs", "rotate-ca", "status", "--data-dir", dataDir,
        "--nrpe-credentials-dir", none);
    assertThat(rotation.exitCode()).as(rotation.toString()).isZero();
    assertThat(rotation.out()).as(rotation.toString())
        .contains("no CA rotation recorded in this cluster");
    Path archive = tmp.resolve("creds.tar.gz");
    assertOneLine(CliRun.run(ENV, "credentials", "package", "--data-dir", dataDir, "--output",
        archive.toString()), "credentials package: member etcd0 runs a brought certificate",
        "--ca DIR");
    assertThat(Files.exists(archive)).isFalse();

    CliRun status = CliRun.run(ENV, "certs", "status", "--data-dir", dataDir, "--json",
        "--nrpe-credentials-dir", none);
    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(status.out());
    assertThat(report.get("problems")).as(status.out()).isEmpty();
    List<String> roles = new ArrayList<>();
    report.get("certificates").forEach(c -> roles.add(c.get("role").asText()));
    assertThat(roles).containsExactlyInAnyOrder(
        "member (server and peer; brought, no CA folder)", "member trust bundle",
        "served by etcd0", "served by etcd1");
    for (JsonNode c : report.get("certificates")) {
      assertThat(c.get("issuer").asText()).as(c.toString()).contains("CN=Corp Root CA");
    }
    assertThat(Files.exists(fixture.ca)).isFalse();
  }

  private String[] memberAdd(Path cert, Path key, Path trustedCa) {
    List<String> args = new ArrayList<>(List.of("member", "add", "--advertise", "127.0.0.1",
        "--etcd-bin", InstallFixture.etcdBin(), "--timeout", "3s",
        "--member-cert", cert.toString(), "--member-key", key.toString(),
        "--trusted-ca", trustedCa.toString()));
    args.addAll(InstallFixture.withoutCa(fixture.memberArgs(2)));
    args.addAll(target(fixture.endpoints()));
    return args.toArray(String[]::new);
  }

  /** The cluster reached as its first member: its own certificate is a client one too. */
  private List<String> target(String endpoints) {
    return List.of("--endpoints", endpoints, "--cacert", corp.cert.toString(),
        "--cert", first[0].toString(), "--key", first[1].toString());
  }

  /** Polls {@code health} (bounded, 60 s) over the first {@code members} members. */
  private CliRun awaitHealthy(int members) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      urls.add(fixture.clientUrl(i));
    }
    List<String> args = new ArrayList<>(List.of("health"));
    args.addAll(target(String.join(",", urls)));
    long deadline = System.nanoTime() + 60_000_000_000L;
    CliRun health;
    do {
      health = CliRun.run(ENV, args.toArray(String[]::new));
    } while (health.exitCode() != 0 && System.nanoTime() < deadline);
    assertThat(health.exitCode()).as(health.toString()).isZero();
    return health;
  }

  private void assertRefused(CliRun add, String problem) throws Exception {
    assertOneLine(add, "refusing the member certificate", problem);
    assertThat(Files.exists(fixture.dataDir(2).resolve("etcd.yaml"))).isFalse();
    assertThat(fixture.pid(2)).isEmpty();
    CliRun list = CliRun.run(ENV, withTarget("member", "list", "--json"));
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(new ObjectMapper().readTree(list.out()).get("members")).as(list.out()).hasSize(2);
  }

  private String[] withTarget(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(target(fixture.endpoints()));
    return all.toArray(String[]::new);
  }

  private static void assertOneLine(CliRun run, String... parts) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1)
        .allMatch(l -> List.of(parts).stream().allMatch(l::contains));
  }
}
