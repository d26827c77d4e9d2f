package io.etcdwarden.cli;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.installer.certs.CaRotation;
import io.etcdwarden.installer.certs.RotationPhase;
import io.etcdwarden.nrpe.NagiosCredentialsRefresh;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden certs rotate-ca PHASE --data-dir DIR}: one phase of a CA rotation on this
 * host's member (prepare, trust-both, reissue, trust-new), or where every member stands
 * (status).
 */
@Command(name = "rotate-ca", mixinStandardHelpOptions = true,
    description = {"Replace the cluster's CA without an outage. Run prepare once on the CA's",
        "host, then trust-both, reissue and trust-new on every host in turn, each phase on all",
        "hosts before the next; status shows where each member stands."})
final class CertsRotateCaCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PHASE",
      description = "prepare, trust-both, reissue, trust-new or status.")
  String phase;
  @Option(names = "--data-dir", paramLabel = "DIR", required = true,
      description = "Folder of this host's member, installed by 'install'.")
  Path dataDir;
  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "120s",
      description = "How long a restarted member may take to be healthy again (default"
          + " ${DEFAULT-VALUE}).")
  String wait;
  // Generous: a loaded host's first TLS connection alone has taken 2.4 s (FIELD-NOTES).
  @Option(names = {"--command-timeout", "--timeout"}, paramLabel = "DURATION",
      defaultValue = "10s",
      description = "Bound of each call to etcd (default ${DEFAULT-VALUE};"
          + " --timeout is its older name).")
  String timeout;
  @Mixin CertsOptions options;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CaRotation rotation = new CaRotation(dataDir,
        Durations.parse(timeout, "--command-timeout"), Clock.systemUTC())) {
      if (!phase.equals("status")) {
        RotationPhase which = RotationPhase.of(phase).orElseThrow(() -> WardenException.badInput(
            "unknown phase '" + phase + "'; use prepare, trust-both, reissue, trust-new or"
                + " status"));
        CaRotation.Outcome done = rotation.run(which, Durations.parse(wait, "--wait"));
        out.println("rotate-ca " + which.word() + ": done on " + done.member()
            + done.restart().map(d -> " (restarted, away " + d.toMillis() + " ms)").orElse(""));
        done.notes().forEach(n -> out.println("  " + n));
        new NagiosCredentialsRefresh(options.nrpeCredentialsDir).follow(done.handOver())
            .forEach(p -> out.println("  refreshed the NRPE user's copy " + p));
      }
      Map<String, String> members = rotation.status();
      if (members.isEmpty()) {
        out.println("no CA rotation recorded in this cluster");
      }
      members.forEach((name, at) -> out.println("member " + name + ": finished " + at));
    }
    out.flush();
    return 0;
  }
}
