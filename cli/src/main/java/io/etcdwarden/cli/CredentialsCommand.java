package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.Endpoints;
import io.etcdwarden.installer.credentials.CredentialsPackager;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code etcd-warden credentials package}: client cert, key, CA and README in one archive. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
    description = "Client credentials for etcdctl and applications.",
    subcommands = CredentialsCommand.Package.class)
final class CredentialsCommand {

  /** Where the CA comes from: a CA folder, or the member installed in a data dir. */
  static final class CaSource {
    @Option(names = "--ca", paramLabel = "DIR", description = "CA folder (ca.crt, ca.key).")
    Path ca;
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Folder of a member installed by 'install': its CA and client URL.")
    Path dataDir;
  }

  /** Writes the archive, 0600, atomically. */
  @Command(name = "package", mixinStandardHelpOptions = true,
      description = "Write client.crt, client.key, ca.crt and a README into a .tar.gz (0600).")
  static final class Package implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1") CaSource source;
    @Option(names = "--output", paramLabel = "FILE", defaultValue = "etcd_client_credentials.tar.gz",
        description = "Archive to write (default: ${DEFAULT-VALUE}).")
    Path output;
    @Option(names = "--endpoints", paramLabel = "URL,...",
        description = "Client URLs for the README (default: the member's, or"
            + " https://127.0.0.1:2379).")
    String endpoints;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Path ca = source.ca;
      List<URI> urls = List.of(URI.create("https://127.0.0.1:2379"));
      if (source.dataDir != null) {
        MemberRecord member = MemberRecord.load(new MemberLayout(source.dataDir));
        ca = member.caDir();
        urls = List.of(member.clientUrl());
      }
      if (endpoints != null) {
        urls = Endpoints.parseList(endpoints, true, "--endpoints");
        if (urls.isEmpty()) {
          throw WardenException.badInput("--endpoints is empty: give a value or leave the flag"
              + " out");
        }
      }
      Path written = new CredentialsPackager().write(ca, urls, output);
      spec.commandLine().getOut().println("credentials: wrote " + written.toAbsolutePath()
          + " (mode 0600; holds client.key)");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
