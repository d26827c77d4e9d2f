package io.etcdwarden.nrpe;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.tls.CredentialHandOver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NRPE user's copies follow a certificate step only where they are byte for byte the file
 * replaced: the CA copy the trust that was replaced, the client copies the certificate issued
 * again; modes are kept; a copy of anything else is left alone.
 */
class NagiosCredentialsRefreshTest {
  @TempDir Path tmp;
  private Path copies;

  @BeforeEach
  void nrpeCopies() throws Exception {
    copies = Files.createDirectories(tmp.resolve("nagios"));
    write(copies.resolve(NagiosCredentials.CA), "OLD CA", "rw-r--r--");
    write(copies.resolve(NagiosCredentials.CERT), "OLD CERT", "rw-r--r--");
    write(copies.resolve(NagiosCredentials.KEY), "OLD KEY", "r--------");
  }

  @Test
  void theTrustCopyFollowsTheTrustItWasACopyOf() throws Exception {
    Path bundle = write(tmp.resolve("bundle.crt"), "OLD CA NEW CA", "rw-r--r--");

    List<Path> replaced = new NagiosCredentialsRefresh(copies)
        .follow(CredentialHandOver.trust(bytes("OLD CA"), bundle));

    assertThat(replaced).containsExactly(copies.resolve(NagiosCredentials.CA));
    assertThat(Files.readString(copies.resolve(NagiosCredentials.CA))).isEqualTo("OLD CA NEW CA");
    assertThat(Files.readString(copies.resolve(NagiosCredentials.CERT))).isEqualTo("OLD CERT");
  }

  @Test
  void theClientCopiesFollowTheCertificateIssuedAgainKeepingTheKeyPrivate() throws Exception {
    Path fresh = Files.createDirectories(tmp.resolve("clients"));
    CredentialHandOver.Client client = new CredentialHandOver.Client(bytes("OLD CERT"),
        write(fresh.resolve("ca.crt"), "BUNDLE", "rw-r--r--"),
        write(fresh.resolve("monitor.crt"), "NEW CERT", "rw-r--r--"),
        write(fresh.resolve("monitor.key"), "NEW KEY", "rw-------"));

    List<Path> replaced = new NagiosCredentialsRefresh(copies)
        .follow(new CredentialHandOver(Optional.empty(), List.of(client)));

    assertThat(replaced).hasSize(3);
    assertThat(Files.readString(copies.resolve(NagiosCredentials.CERT))).isEqualTo("NEW CERT");
    assertThat(Files.readString(copies.resolve(NagiosCredentials.KEY))).isEqualTo("NEW KEY");
    assertThat(Files.readString(copies.resolve(NagiosCredentials.CA))).isEqualTo("BUNDLE");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        copies.resolve(NagiosCredentials.KEY)))).isEqualTo("r--------");
  }

  @Test
  void copiesOfOtherFilesAreLeftAlone() throws Exception {
    Path other = write(tmp.resolve("other.crt"), "SOMETHING ELSE", "rw-r--r--");
    CredentialHandOver.Client client = new CredentialHandOver.Client(bytes("ANOTHER CERT"),
        other, other, other);

    List<Path> replaced = new NagiosCredentialsRefresh(copies).follow(new CredentialHandOver(
        Optional.of(new CredentialHandOver.Trust(bytes("ANOTHER CA"), other)), List.of(client)));
    List<Path> none = new NagiosCredentialsRefresh(tmp.resolve("absent"))
        .follow(CredentialHandOver.trust(bytes("OLD CA"), other));

    assertThat(replaced).isEmpty();
    assertThat(none).isEmpty();
    assertThat(Files.readString(copies.resolve(NagiosCredentials.CA))).isEqualTo("OLD CA");
    assertThat(Files.readString(copies.resolve(NagiosCredentials.CERT))).isEqualTo("OLD CERT");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(US_ASCII);
  }

  private static Path write(Path file, String text, String mode) throws Exception {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }
}
