package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A join without the CA key: {@code ca init} on the CA's host, {@code certs request} on the new
 * host (key and CSR), {@code certs sign} back on the CA's host, then {@code install --cert --key
 * --trusted-ca}; two folders stand for the two hosts, and the CA key never appears on the new
 * one. A request naming an address that is not its member's, or a member the cluster does not
 * list, is not signed.
 */
class CertificateRequestIT {
  @TempDir Path tmp;
  @RegisterExtension
  final InstalledMembers installs = InstalledMembers.oneMemberIn(() -> tmp.resolve("new-host"));
  private InstallFixture fixture;
  private Path caHost;
  private Path newHost;

  @BeforeEach
  void setUp() throws Exception {
    fixture = installs.fixture();
    caHost = Files.createDirectories(tmp.resolve("ca-host"));
    newHost = fixture.root;
    CliRun init = CliRun.run(Map.of(), "ca", "init", "--ca", caHost.resolve("ca").toString());
    assertThat(init.exitCode()).as(init.toString()).isZero();
  }

  @Test
  void aMemberJoinsWithARequestSignedOnTheCaHost() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        caHost.resolve("ca/ca.key")))).isEqualTo("rw-------");
    Path request = newHost.resolve("request");
    CliRun req = CliRun.run(Map.of(), "certs", "request", "--name", "etcd0",
        "--initial-cluster", fixture.initialCluster(), "--out", request.toString());
    assertThat(req.exitCode()).as(req.toString()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        request.resolve("etcd0.key")))).isEqualTo("rw-------");

    Path inbox = Files.createDirectories(caHost.resolve("inbox"));
    Files.copy(request.resolve("etcd0.csr"), inbox.resolve("etcd0.csr"));
    CliRun sign = CliRun.run(Map.of(), "certs", "sign", "--csr",
        inbox.resolve("etcd0.csr").toString(), "--ca", caHost.resolve("ca").toString(),
        "--initial-cluster", fixture.initialCluster(), "--out", inbox.toString());
    assertThat(sign.exitCode()).as(sign.toString()).isZero();
    for (String file : List.of("etcd0.crt", "ca.crt")) {
      Files.copy(inbox.resolve(file), request.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Shell.run(request, "openssl", "verify", "-CAfile", "ca.crt", "etcd0.crt"))
        .contains("etcd0.crt: OK");

    CliRun install = CliRun.run(Map.of(), fixture.installArgs(0, "--etcd-bin",
        InstallFixture.etcdBin(), "--cert", request.resolve("etcd0.crt").toString(),
        "--key", request.resolve("etcd0.key").toString(),
        "--trusted-ca", request.resolve("ca.crt").toString()));
    assertThat(install.exitCode()).as(install.toString()).isZero();
    CliRun health = CliRun.run(Map.of(), "health", "--endpoints", fixture.clientUrl(0),
        "--cacert", request.resolve("ca.crt").toString(),
        "--cert", request.resolve("etcd0.crt").toString(),
        "--key", request.resolve("etcd0.key").toString());
    assertThat(health.exitCode()).as(health.toString()).isZero();
    try (Stream<Path> files = Files.walk(newHost)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("ca.key");
    }
  }

  @Test
  void aRequestForAnotherAddressIsNotSigned() throws Exception {
    Path inbox = Files.createDirectories(caHost.resolve("inbox"));
    CliRun sign = requestAndSign(inbox, "etcd0", "IP:127.0.0.1,IP:10.1.2.3");
    assertThat(sign.exitCode()).as(sign.toString()).isEqualTo(2);
    assertThat(sign.err().strip().lines()).hasSize(1).allMatch(l -> l.contains("10.1.2.3"));
    assertThat(Files.exists(inbox.resolve("etcd0.crt"))).isFalse();
  }

  @Test
  void aRequestForAMemberTheClusterDoesNotListIsNotSigned() throws Exception {
    Path inbox = Files.createDirectories(caHost.resolve("inbox"));
    CliRun sign = requestAndSign(inbox, "intruder", "IP:127.0.0.1");
    assertThat(sign.exitCode()).as(sign.toString()).isEqualTo(2);
    assertThat(sign.err().strip().lines()).hasSize(1)
        .allMatch(l -> l.contains("asks for member intruder"));
    assertThat(Files.exists(inbox.resolve("intruder.crt"))).isFalse();
  }

  /** An openssl CSR for {@code commonName} asking for {@code altNames}, signed by the CA host. */
  private CliRun requestAndSign(Path inbox, String commonName, String altNames) throws Exception {
    Shell.run(inbox, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "etcd0.key", "-out", "etcd0.csr",
        "-subj", "/CN=" + commonName, "-addext", "subjectAltName=" + altNames);
    return CliRun.run(Map.of(), "certs", "sign", "--csr", inbox.resolve("etcd0.csr").toString(),
        "--ca", caHost.resolve("ca").toString(), "--initial-cluster", fixture.initialCluster(),
        "--out", inbox.toString());
  }
}
