package io.etcdwarden.cli;

import io.etcd.jetcd.cluster.Member;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.installer.config.ClusterState;
import io.etcdwarden.installer.install.MemberUninstaller;
import io.etcdwarden.installer.membership.MemberAdder;
import io.etcdwarden.installer.membership.MemberListView;
import io.etcdwarden.installer.membership.Membership;
import io.etcdwarden.installer.pki.BroughtCertificate;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.TargetOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code etcd-warden member add|remove|list}: change or show a running cluster's members. */
@Command(name = "member", mixinStandardHelpOptions = true,
    description = "Add, remove or list the members of a running cluster.",
    subcommands = {MemberCommand.Add.class, MemberCommand.Remove.class, MemberCommand.ListMembers.class})
final class MemberCommand {

  static void warnIfEven(PrintWriter err, int voting) {
    if (voting % 2 == 0) {
      err.println("etcd-warden: warning: " + voting + " members tolerate no more failures than "
          + (voting - 1) + " (quorum is " + (voting / 2 + 1) + "); use an odd number of members");
      err.flush();
    }
  }

  /** Installs a new member on this host and joins it to the cluster, learner first. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Join a new member on this host: learner, then voting member.")
  static final class Add implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "New member's name, e.g. etcd3.")
    String name;
    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
        description = "The new member's folder (empty).")
    Path dataDir;
    @Option(names = "--promote-timeout", defaultValue = "60s", paramLabel = "DURATION",
        description = "How long the learner may take to catch up (default: ${DEFAULT-VALUE}).")
    String promoteTimeout;
    @Mixin MemberInstallOptions member;
    @Mixin MemberAddCertificateOptions brought;
    @Mixin TargetOptions target;
    @Spec CommandLine.Model.CommandSpec spec;
    private final Environment env;

    Add(Environment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      if (member.advertise == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "missing --advertise: the address peers and clients reach the new member at");
      }
      URI peerUrl = URI.create("https://" + member.advertise + ":" + member.managementPort);
      BroughtCertificate own = brought.certificate();
      MemberAdder.Added added;
      try (EtcdClients clients = new EtcdClients(target.resolve(env))) {
        added = new MemberAdder(new Membership(clients)).add(
            member.request(name, dataDir, null, null, ClusterState.EXISTING, env), own, peerUrl,
            Durations.parse(promoteTimeout, "--promote-timeout"));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("member add: " + name + " (id " + Long.toHexString(added.id())
          + ") joined as a learner and was promoted; " + added.clusterSize()
          + " voting members; client URL " + added.member().clientUrl());
      out.flush();
      warnIfEven(spec.commandLine().getErr(), added.clusterSize());
      return 0;
    }
  }

  /** Removes a member from the cluster and, given its folder here, stops it. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Remove a member from the cluster (and stop it here with --data-dir).")
  static final class Remove implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The member to remove.")
    String name;
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "The member's folder on this host: also stop it and remove its service.")
    Path dataDir;
    @Mixin TargetOptions target;
    @Spec CommandLine.Model.CommandSpec spec;
    private final Environment env;

    Remove(Environment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      int remaining;
      try (EtcdClients clients = new EtcdClients(target.resolve(env))) {
        Membership membership = new Membership(clients);
        membership.requireQuorum();
        Member member = membership.byName(name).orElseThrow(() -> WardenException.badInput(
            "the cluster has no member named " + name + "; see 'etcd-warden member list'"));
        remaining = (int) membership.remove(member.getId()).stream()
            .filter(m -> !m.isLearner()).count();
      }
      if (dataDir != null) {
        new MemberUninstaller().uninstall(name, dataDir);
      }
      spec.commandLine().getOut().println("member remove: " + name + " removed; " + remaining
          + " voting members" + (dataDir != null ? "; stopped here, data kept in " + dataDir : ""));
      spec.commandLine().getOut().flush();
      warnIfEven(spec.commandLine().getErr(), remaining);
      return 0;
    }
  }

  /** Prints the member list, learners marked. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the members.")
  static final class ListMembers implements Callable<Integer> {
    @Mixin TargetOptions target;
    @Mixin OutputOptions output;
    private final Environment env;

    ListMembers(Environment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      output.format();
      List<Member> members;
      try (EtcdClients clients = new EtcdClients(target.resolve(env))) {
        members = new Membership(clients).list();
      }
      output.print(new MemberListView(members));
      return 0;
    }
  }
}
