package io.etcdwarden.cli;

import io.etcdwarden.cli.presentation.InstallRunOutput;
import io.etcdwarden.installer.config.ClusterState;
import io.etcdwarden.installer.install.InstallRun;
import io.etcdwarden.installer.install.InstalledMember;
import io.etcdwarden.installer.install.MemberInstaller;
import io.etcdwarden.installer.install.MemberUninstaller;
import io.etcdwarden.installer.pki.BroughtCertificate;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden install}: installs and starts one member of a new TLS etcd cluster on this
 * host (run it once per host with the same {@code --initial-cluster}), or with {@code
 * --uninstall} stops it and removes its service.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = {"Install and start one etcd member with mutual TLS (once per host).",
        "A member of a new multi-member cluster is reported started once it listens;",
        "it turns healthy when a quorum of members runs."})
final class InstallCommand implements Callable<Integer> {
  @Option(names = "--name", required = true, description = "Member name, e.g. etcd0.")
  String name;
  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The member's folder: config, tls/, logs and etcd data in data/.")
  Path dataDir;
  @Option(names = "--uninstall",
      description = "Stop the member and remove its service; keep its folder and data.")
  boolean uninstall;
  @Option(names = "--initial-cluster", paramLabel = "NAME=URL,...",
      description = "Every member's name and https peer URL; the same on every host.")
  String initialCluster;
  @Option(names = "--initial-cluster-token", paramLabel = "TOKEN",
      description = "Cluster token (default: derived from --initial-cluster, equal on every host).")
  String clusterToken;
  @Option(names = "--no-start", description = "Install binaries, config, certificates and"
      + " service, start nothing: the member of a cluster that restore --cluster rebuilds.")
  boolean noStart;
  @Mixin MemberInstallOptions member;
  @Mixin BroughtCertificateOptions brought;
  @Option(names = "--apply", description = "On a host where the member is installed: apply"
      + " the settings that differ, with one health-gated restart (default: only show them).")
  boolean apply;
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  InstallCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (uninstall) {
      Path dir = new MemberUninstaller().uninstall(name, dataDir);
      out.println("install: member " + name + " stopped and its service removed; its data is"
          + " kept in " + dir);
      out.flush();
      return 0;
    }
    BroughtCertificate own = brought.certificate();
    if (initialCluster == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "missing --initial-cluster, e.g. --initial-cluster " + name + "=https://10.0.0.1:2380");
    }
    if (noStart) {
      InstalledMember prepared = new MemberInstaller().installWithoutStart(
          member.request(name, dataDir, initialCluster, clusterToken, ClusterState.NEW, env),
          own);
      out.println("install: member " + prepared.name() + " installed, not started (--no-start;"
          + " " + prepared.serviceMode() + ", " + prepared.etcdBinary() + "); start it with"
          + " etcd-warden restore --cluster --from ARCHIVE --data-dir " + prepared.dir());
      out.println("  client URL " + prepared.clientUrl() + ", folder " + prepared.dir());
      out.flush();
      return 0;
    }
    return InstallRunOutput.print(new InstallRun().run(
        member.request(name, dataDir, initialCluster, clusterToken, ClusterState.NEW, env),
        own, apply), out);
  }
}
