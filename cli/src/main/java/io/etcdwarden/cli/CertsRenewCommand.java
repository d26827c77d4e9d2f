package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.installer.certs.CertificateEntry;
import io.etcdwarden.installer.certs.ClientRenewal;
import io.etcdwarden.installer.credentials.ClientRole;
import io.etcdwarden.installer.certs.MemberRenewal;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.nrpe.NagiosCredentialsRefresh;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden certs renew}: re-issues this member's certificate ({@code --data-dir}) or the
 * packaged client certificate ({@code --client}) from the CA, and refreshes the NRPE user's
 * copies of the client certificate it replaced.
 */
@Command(name = "renew", mixinStandardHelpOptions = true,
    description = {"Re-issue this member's certificate from its CA (same SANs unless --add-san)",
        "and wait until the member serves it; etcd picks it up without a restart. With",
        "--client, re-issue the client certificate credential packages hand out instead",
        "(--role monitor: the monitoring one)."})
final class CertsRenewCommand implements Callable<Integer> {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder of the member installed by 'install'.")
  Path dataDir;
  @Option(names = "--ca", paramLabel = "DIR",
      description = "With --client: the CA folder, instead of the member's.")
  Path ca;
  @Option(names = "--client", description = "Renew the packaged client certificate.")
  boolean client;
  @Option(names = "--role", paramLabel = "ROLE",
      description = "With --client: whose certificate, admin (default) or monitor.")
  String role;
  @Option(names = "--add-san", paramLabel = "HOST",
      description = "Another IP or DNS name for the member certificate (repeatable).")
  List<String> addSans = new ArrayList<>();
  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "30s",
      description = "How long the member may take to serve the new certificate (default"
          + " ${DEFAULT-VALUE}).")
  String wait;
  @Mixin CertsOptions options;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (client) {
      renewClient(out);
    } else {
      if (dataDir == null || ca != null || role != null) {
        throw WardenException.badInput("certs renew: give --data-dir (the member to renew);"
            + " --ca and --role go with --client");
      }
      MemberRenewal.Result r = new MemberRenewal(Clock.systemUTC())
          .renew(dataDir, addSans, Durations.parse(wait, "--wait"));
      out.println("renewed member " + r.member() + ": " + describe(r.before()) + " -> "
          + describe(r.after()));
      out.println(r.url() + " serves the new certificate " + r.untilServed().toMillis()
          + " ms after renewal began; no restart needed");
    }
    out.flush();
    return 0;
  }

  private void renewClient(PrintWriter out) {
    if (!addSans.isEmpty() || (dataDir == null) == (ca == null)) {
      throw WardenException.badInput("certs renew --client: give either --ca or --data-dir"
          + " (whose CA to use), and no --add-san");
    }
    Path caDir = ca != null ? ca : MemberRecord.load(new MemberLayout(dataDir)).requireCaDir(
        "certs renew --client", "client certificates come from your own CA (or give --ca DIR)");
    ClientRole which = role == null ? ClientRole.ADMIN : ClientRole.parse(role, "--role");
    ClientRenewal.Result r = new ClientRenewal(Clock.systemUTC()).renew(caDir, which);
    out.println("renewed " + (which == ClientRole.ADMIN ? "" : which.word() + " ")
        + "client certificate " + r.files().cert() + ": " + describe(r.before())
        + " -> " + describe(r.after()));
    List<Path> refreshed = new NagiosCredentialsRefresh(options.nrpeCredentialsDir)
        .refresh(r.oldCertificatePem(), r.files().ca(), r.files().cert(), r.files().key());
    refreshed.forEach(p -> out.println("refreshed the NRPE user's copy " + p));
    out.println("credential packages made from now on carry the new certificate; run"
        + " 'etcd-warden credentials package' again for the clients that need it");
  }

  private static String describe(CertificateEntry e) {
    return "serial " + e.serial() + " until " + e.notAfter();
  }
}
