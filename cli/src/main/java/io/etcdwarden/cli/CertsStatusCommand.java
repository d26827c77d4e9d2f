package io.etcdwarden.cli;

import io.etcdwarden.core.config.Durations;
import io.etcdwarden.core.output.Printable;
import io.etcdwarden.installer.certs.CertificateReport;
import io.etcdwarden.installer.certs.CertificateReportJson;
import io.etcdwarden.installer.certs.CertificateReportText;
import io.etcdwarden.installer.certs.CertificateSurvey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden certs status}: every certificate this host holds that etcd-warden made or
 * uses, and (with {@code --data-dir}) what each live member serves and which CAs it trusts.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show every certificate etcd-warden made or uses on this host and, with",
        "--data-dir, the certificate each live member serves: subject, SANs, issuer, expiry,",
        "days left (warning under 30, critical under 7 days, as 'check cluster')."})
final class CertsStatusCommand implements Callable<Integer> {
  /** A member's folder or a CA folder. */
  static final class Source {
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Folder of a member installed by 'install'.")
    Path dataDir;
    @Option(names = "--ca", paramLabel = "DIR", description = "CA folder (ca.crt, ca.key).")
    Path ca;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Source source;
  @Mixin CertsOptions options;
  @Mixin OutputOptions output;
  @Option(names = {"--command-timeout", "--timeout"}, paramLabel = "DURATION",
      defaultValue = "3s",
      description = "Bound of each call to a member (default ${DEFAULT-VALUE};"
          + " --timeout is its older name).")
  String timeout;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    output.format();
    CertificateSurvey survey = new CertificateSurvey(options.nrpeCopies(),
        Durations.parse(timeout, "--command-timeout"), Clock.systemUTC());
    CertificateReport report = source.dataDir != null ? survey.ofMember(source.dataDir)
        : survey.ofCa(source.ca);
    output.print(Printable.of(new CertificateReportText().render(report),
        new CertificateReportJson().document(report)));
    return 0;
  }
}
