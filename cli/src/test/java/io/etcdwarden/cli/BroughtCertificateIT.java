package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install --cert --key --trusted-ca} with a member certificate from an external CA made by
 * the real {@code openssl}: the member serves exactly that certificate and answers health through
 * it; a certificate etcd could not use (wrong SAN, no clientAuth, a key that is not its own,
 * another CA) is refused in one line naming the problem, and nothing is installed.
 */
class BroughtCertificateIT {
  @TempDir Path tmp;
  private InstallFixture fixture;
  private OpensslCa corp;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new InstallFixture(tmp.resolve("hosts"), 1);
    corp = new OpensslCa(tmp.resolve("corp-ca"), "Corp Root CA");
  }

  @AfterEach
  void killLeftovers() {
    fixture.killAll();
  }

  @Test
  void theMemberServesTheBroughtCertificateAndAnswersThroughIt() throws Exception {
    Path[] member = corp.issue("etcd0", OpensslCa.GOOD);

    CliRun install = install(member[0], member[1], corp.cert);

    assertThat(install.exitCode()).as(install.toString()).isZero();
    assertThat(Files.exists(fixture.ca.resolve("ca.key"))).as("no CA of ours made").isFalse();
    CliRun health = CliRun.run(Map.of(), "health", "--endpoints", fixture.clientUrl(0),
        "--cacert", corp.cert.toString(), "--cert", member[0].toString(),
        "--key", member[1].toString());
    assertThat(health.exitCode()).as(health.toString()).isZero();
    String served = Shell.run(tmp, "bash", "-c", "openssl s_client -connect 127.0.0.1:"
        + fixture.ports.get(0)[0] + " -CAfile " + corp.cert + " -cert " + member[0]
        + " -key " + member[1] + " </dev/null 2>/dev/null | openssl x509 -noout -fingerprint"
        + " -sha256").strip();
    assertThat(served).isEqualTo(OpensslCa.fingerprint(member[0]));
    assertThat(Files.getPosixFilePermissions(fixture.dataDir(0).resolve("tls/etcd0.key")))
        .extracting(Object::toString).asString().doesNotContain("GROUP", "OTHERS");
  }

  @Test
  void aCertificateWithoutTheMembersAddressIsRefused() throws Exception {
    Path[] member = corp.issue("etcd0", OpensslCa.GOOD.replace("IP:127.0.0.1", "IP:10.9.9.9"));
    assertRefused(install(member[0], member[1], corp.cert),
        "lacks subjectAltName IP:127.0.0.1");
  }

  @Test
  void aCertificateWithoutClientAuthIsRefused() throws Exception {
    Path[] member = corp.issue("etcd0",
        OpensslCa.GOOD.replace("serverAuth,clientAuth", "serverAuth"));
    assertRefused(install(member[0], member[1], corp.cert),
        "lacks the clientAuth extended key usage");
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() throws Exception {
    Path[] member = corp.issue("etcd0", OpensslCa.GOOD);
    Path[] other = corp.issue("etcd9", OpensslCa.GOOD);
    assertRefused(install(member[0], other[1], corp.cert), "does not belong to --cert");
  }

  @Test
  void aCertificateOfAnotherCaIsRefused() throws Exception {
    Path[] member = corp.issue("etcd0", OpensslCa.GOOD);
    OpensslCa other = new OpensslCa(tmp.resolve("other-ca"), "Other CA");
    assertRefused(install(member[0], member[1], other.cert),
        "is not signed by a CA in --trusted-ca");
  }

  private CliRun install(Path cert, Path key, Path trustedCa) {
    return CliRun.run(Map.of(), fixture.installArgs(0, "--etcd-bin", InstallFixture.etcdBin(),
        "--cert", cert.toString(), "--key", key.toString(), "--trusted-ca", trustedCa.toString()));
  }

  private void assertRefused(CliRun install, String problem) {
    assertThat(install.exitCode()).as(install.toString()).isEqualTo(2);
    assertThat(install.err().strip().lines()).as(install.toString()).hasSize(1)
        .allMatch(l -> l.contains(problem));
    assertThat(Files.exists(fixture.dataDir(0).resolve("etcd.yaml"))).isFalse();
    assertThat(fixture.pid(0)).isEmpty();
  }
}
