package io.etcdwarden.cli;

import io.etcdwarden.core.config.Durations;
import io.etcdwarden.installer.local.LocalCluster;
import io.etcdwarden.installer.process.EtcdBinary;
import io.etcdwarden.plugins.options.Environment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code etcd-warden sandbox up|down|env}: a throw-away TLS cluster on 127.0.0.1 for trying
 * the tool and for demos, built with the same installer code as a real deployment. Its members
 * run on after the command returns; {@code down} stops them.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = "A local TLS etcd cluster on 127.0.0.1 for trying etcd-warden.",
    subcommands = {SandboxCommand.Up.class, SandboxCommand.Down.class, SandboxCommand.Env.class})
final class SandboxCommand {
  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".sandbox",
      scope = ScopeType.INHERIT,
      description = "Folder holding the sandbox (default: ${DEFAULT-VALUE}).")
  Path dir;

  /** What every sandbox subcommand needs: the folder, the etcd binary, somewhere to print. */
  abstract static class Action implements Callable<Integer> {
    @ParentCommand SandboxCommand parent;
    @Spec CommandSpec spec;
    final Environment env;

    Action(Environment env) {
      this.env = env;
    }

    LocalCluster open() {
      return LocalCluster.open(parent.dir, EtcdBinary.locate(env.variables()));
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }
  }

  /** Creates the sandbox, or restarts the members of an existing one; waits for health. */
  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Create (or restart) the sandbox and wait until it is healthy.")
  static final class Up extends Action {
    @Option(names = "--members", defaultValue = "3",
        description = "Number of members for a new sandbox (default: ${DEFAULT-VALUE}).")
    int members;
    @Option(names = "--wait", defaultValue = "60s", paramLabel = "DURATION",
        description = "How long to wait for health (default: ${DEFAULT-VALUE}).")
    String wait;

    Up(Environment env) {
      super(env);
    }

    @Override
    public Integer call() {
      LocalCluster cluster = LocalCluster.exists(parent.dir) ? open()
          : LocalCluster.create(parent.dir, members, EtcdBinary.locate(env.variables()));
      cluster.startAll(Durations.parse(wait, "--wait"));
      out().println("sandbox: " + cluster.members().size() + " members healthy in "
          + cluster.dir());
      out().println("client credentials: source " + cluster.envFile()
          + "  (exports ETCDCTL_ENDPOINTS, ETCDCTL_CACERT, ETCDCTL_CERT, ETCDCTL_KEY)");
      out().flush();
      return 0;
    }
  }

  /** Stops every member of the sandbox; keeps its data unless {@code --purge}. */
  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stop the sandbox members (and delete the folder with --purge).")
  static final class Down extends Action {
    @Option(names = "--purge", description = "Also delete the sandbox folder.")
    boolean purge;

    Down(Environment env) {
      super(env);
    }

    @Override
    public Integer call() {
      LocalCluster cluster = open();
      if (purge) {
        cluster.delete();
      } else {
        cluster.stopAll();
      }
      out().println("sandbox: stopped" + (purge ? " and deleted" : ""));
      out().flush();
      return 0;
    }
  }

  /** Prints the {@code export ETCDCTL_*} lines for the sandbox, for {@code eval}. */
  @Command(name = "env", mixinStandardHelpOptions = true,
      description = "Print export lines for etcdctl and etcd-warden: eval \"$(... sandbox env)\".")
  static final class Env extends Action {
    Env(Environment env) {
      super(env);
    }

    @Override
    public Integer call() {
      for (Map.Entry<String, String> e : open().etcdctlEnvironment().entrySet()) {
        out().println("export " + e.getKey() + "='" + e.getValue() + "'");
      }
      out().flush();
      return 0;
    }
  }
}
