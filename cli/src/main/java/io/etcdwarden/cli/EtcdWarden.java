package io.etcdwarden.cli;

import io.etcdwarden.core.client.ShortLivedProcess;
import io.etcdwarden.plugins.options.Environment;
import io.etcdwarden.plugins.options.WardenVersion;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code etcd-warden} root command. Subcommands hold no logic of their own: they parse
 * flags, call the modules, print the result and map failures to exit codes (0 success, 1
 * operation failed, 2 usage error).
 */
@Command(
    name = "etcd-warden",
    mixinStandardHelpOptions = true,
    versionProvider = WardenVersion.class,
    description = "Installs, watches, backs up and restores etcd clusters outside Kubernetes.")
public final class EtcdWarden implements Runnable {
  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(HealthCommand.class,
      SandboxCommand.class, SnapshotCommand.class, InstallCommand.class, MemberCommand.class,
      CredentialsCommand.class, StorageCommand.class, SnapshotsCommand.class, CheckCommand.class,
      NrpeCommand.class, RestoreCommand.class, DaemonCommand.class, StatusCommand.class,
      CronCommand.class, UpgradeCommand.class, KeysCommand.class, CertsCommand.class,
      MaintenanceCommand.class, CompactCommand.class, DefragCommand.class, AlarmCommand.class,
      RecoverCommand.class, CaCommand.class);

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  public static void main(String[] args) {
    LibraryLogging.configure(System.getenv());
    if (io.etcdwarden.core.logging.JournalPriorities.stderrIsJournal(System.getenv())) {
      System.setErr(new java.io.PrintStream(new io.etcdwarden.core.logging.JournalPriorities(
          new java.io.FileOutputStream(java.io.FileDescriptor.err)), true,
          java.nio.charset.StandardCharsets.UTF_8));
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(args, System.getenv(), out, err);
    out.flush();
    err.flush();
    // jetcd leaves non-daemon Netty threads behind; exiting explicitly saves ~0.4 s, and
    // stopping grpc's shared loop first another 0.3 s (ShortLivedProcess).
    ShortLivedProcess.stopGrpcLoopBeforeExit(Duration.ofSeconds(1));
    System.exit(code);
  }

  /** Runs one command line with the given environment and streams; returns the exit code. */
  public static int run(String[] args, Map<String, String> env, PrintWriter out,
      PrintWriter err) {
    Optional<Object> plugin = plugin(args, new Environment(env));
    CommandLine cli = plugin.isPresent() ? new CommandLine(plugin.get()) : tree(args, env);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new FailureHandler());
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExitCodeExceptionMapper(FailureHandler::exitCode);
    return cli.execute(plugin.isPresent() ? Arrays.copyOfRange(args, 2, args.length) : args);
  }

  /**
   * The whole command tree, every subcommand included: for tools that read the model rather than
   * run it (picocli's {@code AutoComplete}, the packaged man page).
   */
  public static CommandLine commandTree(Map<String, String> env) {
    return tree(new String[0], env);
  }

  /**
   * The root with the subcommand {@code args} name, or with all of them when they name none (no
   * arguments, help, version, a mistake). picocli builds the model of every command it is given
   * up front, about a tenth of a second for the whole tree, which a snapshot or a check would
   * otherwise pay on every run.
   */
  private static CommandLine tree(String[] args, Map<String, String> env) {
    Factory factory = new Factory(env);
    CommandLine root = new CommandLine(new EtcdWarden(), factory);
    List<Class<?>> named = COMMANDS.stream().filter(c -> args.length > 0
        && c.getAnnotation(Command.class).name().equals(args[0])).toList();
    for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
      try {
        root.addSubcommand(new CommandLine(factory.create(command), factory));
      } catch (Exception e) {
        throw new IllegalStateException("cannot create the " + command.getSimpleName(), e);
      }
    }
    return root;
  }

  /**
   * {@code check cluster|backup} alone: NRPE runs the plugins every few minutes on every host,
   * and building the whole command tree first costs a quarter of a second of their start-up
   * (the warm path's answer takes less than that). They parse their own arguments anyway.
   */
  private static Optional<Object> plugin(String[] args, Environment env) {
    if (args.length < 2 || !args[0].equals("check")) {
      return Optional.empty();
    }
    return switch (args[1]) {
      case "cluster" -> Optional.of(new CheckClusterCommand(env));
      case "backup" -> Optional.of(new CheckBackupCommand(env));
      default -> Optional.empty();
    };
  }

  /** Hands every command the environment it runs in, so tests need not touch the real one. */
  private record Factory(Map<String, String> env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == Environment.class) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(new Environment(env)));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
