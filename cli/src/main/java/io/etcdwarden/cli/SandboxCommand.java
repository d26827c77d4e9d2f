package io.etcdwarden.cli;

import io.etcdwarden.installer.local.LocalCluster;
import io.etcdwarden.installer.process.EtcdBinary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
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
  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".sandbox", scope =
      picocli.CommandLine.ScopeType.INHERIT,
      description = "Folder holding the sandbox (default: ${DEFAULT-VALUE}).")
  Path dir;

  /** Creates the sandbox, or restarts the members of an existing one; waits for health. */
  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Create (or restart) the sandbox and wait until it is healthy.")
  static final class Up implements Callable<Integer> {
    @ParentCommand SandboxCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--members", defaultValue = "3",
        description = "Number of members for a new sandbox (default: ${DEFAULT-VALUE}).")
    int members;
    @Option(names = "--wait", defaultValue = "60s", paramLabel = "DURATION",
        description = "How long to wait for health (default: ${DEFAULT-VALUE}).")
    String wait;
    private final Environment env;

    Up(Environment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Path etcd = EtcdBinary.locate(env.variables());
      Duration timeout = io.etcdwarden.core.config.Durations.parse(wait, "--wait");
      LocalCluster cluster = LocalCluster.exists(parent.dir)
          ? LocalCluster.open(parent.dir, etcd)
          : LocalCluster.create(parent.dir, members, etcd);
      cluster.startAll(timeout);
      PrintWriter out = spec.commandLine().getOut();
      out.println("sandbox: " + cluster.members().size() + " members healthy in "
          + cluster.dir());
      out.println("client credentials: source " + cluster.envFile()
          + "  (exports ETCDCTL_ENDPOINTS, ETCDCTL_CACERT, ETCDCTL_CERT, ETCDCTL_KEY)");
      out.flush();
      return 0;
    }
  }

  /** Stops every member of the sandbox; keeps its data unless {@code --purge}. */
  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stop the sandbox members (and delete the folder with --purge).")
  static final class Down implements Callable<Integer> {
    @ParentCommand SandboxCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--purge", description = "Also delete the sandbox folder.")
    boolean purge;
    private final Environment env;

    Down(Environment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      LocalCluster cluster = LocalCluster.open(parent.dir, EtcdBinary.locate(env.variables()));
      cluster.stopAll();
      if (purge) {
        cluster.delete();
      }
      spec.commandLine().getOut().println("sandbox: stopped" + (purge ? " and deleted" : ""));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** Prints the {@code export ETCDCTL_*} lines for the sandbox, for {@code eval}. */
  @Command(name = "env", mixinStandardHelpOptions = true,
      description = "Print export lines for etcdctl and etcd-warden: eval \"$(... sandbox env)\".")
  static final class Env implements Callable<Integer> {
    @ParentCommand SandboxCommand parent;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    private final Environment env;

    Env(Environment env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      LocalCluster cluster = LocalCluster.open(parent.dir, EtcdBinary.locate(env.variables()));
      PrintWriter out = spec.commandLine().getOut();
      for (Map.Entry<String, String> e : cluster.etcdctlEnvironment().entrySet()) {
        out.println("export " + e.getKey() + "='" + e.getValue() + "'");
      }
      out.flush();
      return 0;
    }
  }
}
