package io.etcdwarden.cli;

import io.etcdwarden.nrpe.NagiosCredentials;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** What {@code certs status} and {@code certs renew} share: where the NRPE user's copies are. */
final class CertsOptions {
  @Option(names = "--nrpe-credentials-dir", paramLabel = "DIR",
      defaultValue = "/etc/etcd-warden/nagios", description = "Where 'nrpe install' put the NRPE"
      + " user's copies of the TLS files (default ${DEFAULT-VALUE}); shown and refreshed when"
      + " present.")
  Path nrpeCredentialsDir;

  /** The NRPE user's copies by role, for the status report. */
  Map<String, Path> nrpeCopies() {
    return Map.of("NRPE user's CA copy", nrpeCredentialsDir.resolve(NagiosCredentials.CA),
        "NRPE user's client copy", nrpeCredentialsDir.resolve(NagiosCredentials.CERT));
  }
}
