package io.etcdwarden.nrpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcdwarden.core.WardenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NRPE user's copies for real users of this host (giving files away needs root). */
class NagiosCredentialsTest {
  @TempDir Path tmp;

  @Test
  void aUserWhosePrimaryGroupHasAnotherNameGetsItsCopies() throws Exception {
    // Debian's nobody has the primary group nogroup: no group is named after the user.
    assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
    Path key = Files.writeString(tmp.resolve("k.pem"), "KEY");

    var copies = new NagiosCredentials(tmp.resolve("creds"), "nobody")
        .install(Optional.empty(), Optional.empty(), Optional.of(key));

    assertThat(Files.getOwner(copies.key().orElseThrow()).getName()).isEqualTo("nobody");
    assertThat(Files.getOwner(tmp.resolve("creds")).getName()).isEqualTo("nobody");
    assertThat(Files.readString(copies.key().orElseThrow())).isEqualTo("KEY");
  }

  @Test
  void anUnknownUserIsNamedNotNull() throws Exception {
    Path key = Files.writeString(tmp.resolve("k.pem"), "KEY");

    assertThatThrownBy(() -> new NagiosCredentials(tmp.resolve("creds"), "no-such-nrpe-user")
        .install(Optional.empty(), Optional.empty(), Optional.of(key)))
        .isInstanceOf(WardenException.class)
        .hasMessage("--nrpe-user: no user named 'no-such-nrpe-user' on this host (is"
            + " nagios-nrpe-server installed? name the user NRPE runs checks as)")
        .hasMessageNotContaining("null");
    assertThat(tmp.resolve("creds")).doesNotExist();
  }

  @Test
  void anUnreadableSourceNamesTheFile() {
    assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
    Path missing = tmp.resolve("gone.pem");

    assertThatThrownBy(() -> new NagiosCredentials(tmp.resolve("creds"), "nagios")
        .install(Optional.of(missing), Optional.empty(), Optional.empty()))
        .isInstanceOf(WardenException.class)
        .hasMessageContaining(missing + ": no such file or directory");
  }
}
